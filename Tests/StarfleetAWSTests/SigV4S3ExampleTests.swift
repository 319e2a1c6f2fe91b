import Foundation
import Testing

@testable import StarfleetAWS

/// The worked examples of the Amazon S3 documentation "Signature Calculations for the
/// Authorization Header: Transferring Payload in a Single Chunk" (AKIAIOSFODNN7EXAMPLE, 2013-05-24).
@Suite("SigV4: S3 documentation examples")
struct SigV4S3ExampleTests {
    static let date = Date(timeIntervalSince1970: 1_369_353_600)  // 2013-05-24T00:00:00Z
    static let credentials = AWSCredentials(
        accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
    static let scope = SigningScope(region: "us-east-1", service: "s3")
    static let emptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    @Test func getObjectWithRange() {
        let request = AWSHTTPRequest(
            method: "GET", host: "examplebucket.s3.amazonaws.com", path: "/test.txt", headers: ["Range": "bytes=0-9"])
        let signed = SigV4Signer.s3.sign(request, credentials: Self.credentials, scope: Self.scope, date: Self.date)
        #expect(signed.headers["X-Amz-Content-SHA256"] == Self.emptyHash)
        #expect(
            signed.headers["Authorization"]
                == "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
                + "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, "
                + "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")

        var unsigned = signed
        unsigned.headers.remove(name: "Authorization")
        let details = SigV4Signer.s3.signature(for: unsigned, credentials: Self.credentials, scope: Self.scope, date: Self.date)
        #expect(details.canonicalRequest == """
            GET
            /test.txt

            host:examplebucket.s3.amazonaws.com
            range:bytes=0-9
            x-amz-content-sha256:\(Self.emptyHash)
            x-amz-date:20130524T000000Z

            host;range;x-amz-content-sha256;x-amz-date
            \(Self.emptyHash)
            """)
        #expect(details.stringToSign == """
            AWS4-HMAC-SHA256
            20130524T000000Z
            20130524/us-east-1/s3/aws4_request
            7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972
            """)
    }

    @Test func putObjectHashesTheRealPayload() throws {
        // Key "test$file.text" built by the S3 client: virtual-hosted, `$` encoded once.
        let client = AWSClient(
            service: .s3, region: "us-east-1",
            endpoint: ResolvedEndpoint(scheme: "https", host: "s3.amazonaws.com", signingRegion: "us-east-1", signingName: "s3"),
            credentialsProvider: StaticCredentialsProvider(Self.credentials))
        let s3 = S3Client(client: client)
        let request = try s3.request(
            method: "PUT", bucket: "examplebucket", key: "test$file.text",
            headers: ["Date": "Fri, 24 May 2013 00:00:00 GMT", "x-amz-storage-class": "REDUCED_REDUNDANCY"],
            body: Data("Welcome to Amazon S3.".utf8))
        #expect(request.host == "examplebucket.s3.amazonaws.com")
        #expect(request.path == "/test%24file.text")

        let signed = SigV4Signer.s3.sign(request, credentials: Self.credentials, scope: Self.scope, date: Self.date)
        #expect(signed.headers["X-Amz-Content-SHA256"] == "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072")
        #expect(
            signed.headers["Authorization"]
                == "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
                + "SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class, "
                + "Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd")
    }

    @Test func listObjectsQuery() {
        let request = AWSHTTPRequest(
            method: "GET", host: "examplebucket.s3.amazonaws.com", path: "/",
            query: [QueryItem("max-keys", "2"), QueryItem("prefix", "J")])
        let signed = SigV4Signer.s3.sign(request, credentials: Self.credentials, scope: Self.scope, date: Self.date)
        #expect(
            signed.headers["Authorization"]?.hasSuffix(
                "SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7")
                == true)
    }

    @Test func s3DoesNotNormalizeOrReencodePaths() {
        let request = AWSHTTPRequest(method: "GET", host: "b.s3.amazonaws.com", path: "/a//b/../c%20d")
        let details = SigV4Signer.s3.signature(for: request, credentials: Self.credentials, scope: Self.scope, date: Self.date)
        #expect(details.canonicalRequest.split(separator: "\n", omittingEmptySubsequences: false)[1] == "/a//b/../c%20d")
        let standard = SigV4Signer.standard.signature(for: request, credentials: Self.credentials, scope: Self.scope, date: Self.date)
        #expect(standard.canonicalRequest.split(separator: "\n", omittingEmptySubsequences: false)[1] == "/a/c%2520d")
    }
}
