import Foundation
import Testing

@testable import StarfleetAWS

@Suite("AWS error documents")
struct ErrorParsingTests {
    func response(_ status: Int, _ body: String, _ headers: HTTPHeaders = HTTPHeaders()) -> AWSHTTPResponse {
        AWSHTTPResponse(statusCode: status, headers: headers, body: Data(body.utf8))
    }

    @Test func jsonErrors() {
        let parsed = AWSErrorParser.parse(response(
            400, #"{"__type":"com.amazonaws.organizations#AccessDeniedException","Message":"You don't have permissions"}"#,
            ["x-amzn-RequestId": "req-1"]))
        #expect(parsed == AWSErrorParser.Parsed(code: "AccessDeniedException", message: "You don't have permissions", requestId: "req-1"))
        #expect(AWSErrorParser.parse(response(400, #"{"message":"m"}"#, ["x-amzn-ErrorType": "ThrottlingException:http://internal"]))?.code == "ThrottlingException")
    }

    @Test func queryErrors() {
        let parsed = AWSErrorParser.parse(response(403, """
            <ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
              <Error><Type>Sender</Type><Code>AccessDenied</Code><Message>not authorized</Message></Error>
              <RequestId>abc-123</RequestId>
            </ErrorResponse>
            """))
        #expect(parsed == AWSErrorParser.Parsed(code: "AccessDenied", message: "not authorized", requestId: "abc-123"))
    }

    @Test func motoWrappedQueryErrors() {
        let parsed = AWSErrorParser.parse(response(403, """
            <?xml version="1.0" encoding="UTF-8"?>
            <ErrorResponse><Errors><Error><Type>Sender</Type><Code>SignatureDoesNotMatch</Code><Message>m</Message></Error></Errors>
            <RequestId>x</RequestId></ErrorResponse>
            """))
        #expect(parsed == AWSErrorParser.Parsed(code: "SignatureDoesNotMatch", message: "m", requestId: "x"))
    }

    @Test func ec2Errors() {
        let parsed = AWSErrorParser.parse(response(401, """
            <?xml version="1.0" encoding="UTF-8"?>
            <Response><Errors><Error><Code>AuthFailure</Code><Message>bad</Message></Error></Errors><RequestID>r-9</RequestID></Response>
            """))
        #expect(parsed == AWSErrorParser.Parsed(code: "AuthFailure", message: "bad", requestId: "r-9"))
    }

    @Test func s3Errors() {
        let parsed = AWSErrorParser.parse(response(404, """
            <?xml version="1.0" encoding="UTF-8"?>
            <Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>k</Key><RequestId>s3req</RequestId></Error>
            """))
        #expect(parsed == AWSErrorParser.Parsed(code: "NoSuchKey", message: "The specified key does not exist.", requestId: "s3req"))
        #expect(AWSErrorParser.parse(response(404, ""))?.code == "NotFound")
    }

    @Test func unrecognisedBodiesAreNotErrors() {
        #expect(AWSErrorParser.parse(response(500, "<!doctype html><title>500 Internal Server Error</title>")) == nil)
        #expect(AWSErrorParser.parse(response(500, "garbage")) == nil)
        #expect(AWSErrorParser.parse(response(500, "{not json")) == nil)
        let excerpt = AWSErrorParser.excerpt(of: response(
            500, "<!doctype html>\n<html><title>500 Internal Server Error</title><h1>Internal Server Error</h1></html>",
            ["Content-Type": "text/html"]))
        #expect(excerpt == "500 Internal Server Error Internal Server Error")
    }

    @Test func messagesNameServiceOperationAndEndpoint() {
        let error = AWSError(
            kind: .service, service: "Organizations", operation: "ListAccounts", endpoint: "https://organizations.us-east-1.amazonaws.com/",
            code: "AccessDeniedException", message: "You don't have permissions", httpStatus: 400, requestId: "r1", attempts: 1)
        #expect(error.description == "AWS Organizations ListAccounts failed at https://organizations.us-east-1.amazonaws.com/: AccessDeniedException: You don't have permissions (HTTP 400, request id r1)")
        var timeout = AWSError(kind: .timeout, service: "EC2", operation: "DescribeRegions", endpoint: "http://h:1/", code: "RequestTimeout", message: "no response within 2 s")
        timeout.attempts = 3
        #expect(timeout.description == "AWS EC2 DescribeRegions timed out after 3 attempts at http://h:1/: no response within 2 s")
    }

    @Test func redactorRemovesSecretsAndSignatures() {
        let redactor = Redactor(secrets: ["SECRETKEY123", "TOKEN456"])
        let text = "Authorization: AWS4-HMAC-SHA256 Credential=AKIA/x, SignedHeaders=host, Signature=0123456789abcdef0123456789abcdef\nX-Amz-Security-Token: TOKEN456 key SECRETKEY123"
        let redacted = redactor.redact(text)
        #expect(!redacted.contains("SECRETKEY123"))
        #expect(!redacted.contains("TOKEN456"))
        #expect(!redacted.contains("0123456789abcdef0123456789abcdef"))
        #expect(redacted.contains("Credential=AKIA/x"))
        #expect(redacted.contains("Signature=<redacted>"))
    }
}
