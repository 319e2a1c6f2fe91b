import Foundation
import Testing

@testable import StarfleetAWS

/// Vectors from AWS's published Signature Version 4 test suite (aws-sig-v4-test-suite, 2015
/// edition): credentials AKIDEXAMPLE, 2015-08-30T12:36:00Z, us-east-1, service "service".
struct SigV4Vector: Sendable, CustomTestStringConvertible {
    var name: String
    var method: String
    var path: String
    var query: [QueryItem] = []
    var headers: [(String, String)] = []
    var body: String = ""
    var sessionToken: String?
    /// Canonical query and canonical header block (without the trailing blank line) as published.
    var canonicalPath: String
    var canonicalQuery: String = ""
    var canonicalHeaders: String = "host:example.amazonaws.com\nx-amz-date:20150830T123600Z"
    var signedHeaders: String = "host;x-amz-date"
    var payloadHash: String = SigV4Vector.emptyHash
    var canonicalRequestHash: String
    var signature: String

    static let emptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    var testDescription: String { name }

    var canonicalRequest: String {
        [method, canonicalPath, canonicalQuery, canonicalHeaders + "\n", signedHeaders, payloadHash].joined(separator: "\n")
    }

    var stringToSign: String {
        "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n\(canonicalRequestHash)"
    }

    var authorization: String {
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=\(signedHeaders), Signature=\(signature)"
    }
}

let suiteToken = "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA=="

let sigV4Vectors: [SigV4Vector] = [
    SigV4Vector(
        name: "get-vanilla", method: "GET", path: "/", canonicalPath: "/",
        canonicalRequestHash: "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63",
        signature: "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
    SigV4Vector(
        name: "get-vanilla-query-order-key-case", method: "GET", path: "/",
        query: [QueryItem("Param2", "value2"), QueryItem("Param1", "value1")],
        canonicalPath: "/", canonicalQuery: "Param1=value1&Param2=value2",
        canonicalRequestHash: "816cd5b414d056048ba4f7c5386d6e0533120fb1fcfa93762cf0fc39e2cf19e0",
        signature: "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"),
    SigV4Vector(
        name: "get-vanilla-query-order-key", method: "GET", path: "/",
        query: [QueryItem("Param1", "value2"), QueryItem("Param1", "Value1")],
        canonicalPath: "/", canonicalQuery: "Param1=Value1&Param1=value2",
        canonicalRequestHash: "704b4cef673542d84cdff252633f065e8daeba5f168b77116f8b1bcaf3d38f89",
        signature: "eedbc4e291e521cf13422ffca22be7d2eb8146eecf653089df300a15b2382bd1"),
    SigV4Vector(
        name: "get-vanilla-query-order-value", method: "GET", path: "/",
        query: [QueryItem("Param1", "value2"), QueryItem("Param1", "value1")],
        canonicalPath: "/", canonicalQuery: "Param1=value1&Param1=value2",
        canonicalRequestHash: "c968629d70850097a2d8781c9bf7edcb988b04cac14cca9be4acc3595f884606",
        signature: "5772eed61e12b33fae39ee5e7012498b51d56abc0abb7c60486157bd471c4694"),
    SigV4Vector(
        name: "get-vanilla-empty-query-key", method: "GET", path: "/", query: [QueryItem("Param1", "value1")],
        canonicalPath: "/", canonicalQuery: "Param1=value1",
        canonicalRequestHash: "1e24db194ed7d0eec2de28d7369675a243488e08526e8c1c73571282f7c517ab",
        signature: "a67d582fa61cc504c4bae71f336f98b97f1ea3c7a6bfe1b6e45aec72011b9aeb"),
    SigV4Vector(
        name: "get-vanilla-query-unreserved", method: "GET", path: "/",
        query: [QueryItem(
            "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
            "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")],
        canonicalPath: "/",
        canonicalQuery: "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz=-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
        canonicalRequestHash: "c30d4703d9f799439be92736156d47ccfb2d879ddf56f5befa6d1d6aab979177",
        signature: "9c3e54bfcdf0b19771a7f523ee5669cdf59bc7cc0884027167c21bb143a40197"),
    SigV4Vector(
        name: "get-vanilla-utf8-query", method: "GET", path: "/", query: [QueryItem("\u{1234}", "bar")],
        canonicalPath: "/", canonicalQuery: "%E1%88%B4=bar",
        canonicalRequestHash: "eb30c5bed55734080471a834cc727ae56beb50e5f39d1bff6d0d38cb192a7073",
        signature: "2cdec8eed098649ff3a119c94853b13c643bcf08f8b0a1d91e12c9027818dd04"),
    SigV4Vector(
        name: "get-utf8", method: "GET", path: "/\u{1234}", canonicalPath: "/%E1%88%B4",
        canonicalRequestHash: "2a0a97d02205e45ce2e994789806b19270cfbbb0921b278ccf58f5249ac42102",
        signature: "8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85"),
    SigV4Vector(
        name: "get-unreserved", method: "GET", path: "/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
        canonicalPath: "/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
        canonicalRequestHash: "6a968768eefaa713e2a6b16b589a8ea192661f098f37349f4e2c0082757446f9",
        signature: "07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f"),
    SigV4Vector(
        name: "normalize-path/get-space", method: "GET", path: "/example space/", canonicalPath: "/example%20space/",
        canonicalRequestHash: "63ee75631ed7234ae61b5f736dfc7754cdccfedbff4b5128a915706ee9390d86",
        signature: "652487583200325589f1fba4c7e578f72c47cb61beeca81406b39ddec1366741"),
    SigV4Vector(
        name: "normalize-path/get-slash", method: "GET", path: "//", canonicalPath: "/",
        canonicalRequestHash: "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63",
        signature: "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
    SigV4Vector(
        name: "normalize-path/get-slash-dot-slash", method: "GET", path: "/./", canonicalPath: "/",
        canonicalRequestHash: "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63",
        signature: "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
    SigV4Vector(
        name: "normalize-path/get-slash-pointless-dot", method: "GET", path: "/./example", canonicalPath: "/example",
        canonicalRequestHash: "214d50c111a8edc4819da6a636336472c916b5240f51e9a51b5c3305180cf702",
        signature: "ef75d96142cf21edca26f06005da7988e4f8dc83a165a80865db7089db637ec5"),
    SigV4Vector(
        name: "normalize-path/get-relative", method: "GET", path: "/example/..", canonicalPath: "/",
        canonicalRequestHash: "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63",
        signature: "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
    SigV4Vector(
        name: "normalize-path/get-relative-relative", method: "GET", path: "/example1/example2/../..", canonicalPath: "/",
        canonicalRequestHash: "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63",
        signature: "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
    SigV4Vector(
        name: "normalize-path/get-slashes", method: "GET", path: "//example//", canonicalPath: "/example/",
        canonicalRequestHash: "cb96b4ac96d501f7c5c15bc6d67b3035061cfced4af6585ad927f7e6c985c015",
        signature: "9a624bd73a37c9a373b5312afbebe7a714a789de108f0bdfe846570885f57e84"),
    SigV4Vector(
        name: "get-header-key-duplicate", method: "GET", path: "/",
        headers: [("My-Header1", "value2"), ("My-Header1", "value2"), ("My-Header1", "value1")],
        canonicalPath: "/",
        canonicalHeaders: "host:example.amazonaws.com\nmy-header1:value2,value2,value1\nx-amz-date:20150830T123600Z",
        signedHeaders: "host;my-header1;x-amz-date",
        canonicalRequestHash: "dc7f04a3abfde8d472b0ab1a418b741b7c67174dad1551b4117b15527fbe966c",
        signature: "c9d5ea9f3f72853aea855b47ea873832890dbdd183b4468f858259531a5138ea"),
    SigV4Vector(
        name: "get-header-value-order", method: "GET", path: "/",
        headers: [("My-Header1", "value4"), ("My-Header1", "value1"), ("My-Header1", "value3"), ("My-Header1", "value2")],
        canonicalPath: "/",
        canonicalHeaders: "host:example.amazonaws.com\nmy-header1:value4,value1,value3,value2\nx-amz-date:20150830T123600Z",
        signedHeaders: "host;my-header1;x-amz-date",
        canonicalRequestHash: "31ce73cd3f3d9f66977ad3dd957dc47af14df92fcd8509f59b349e9137c58b86",
        signature: "08c7e5a9acfcfeb3ab6b2185e75ce8b1deb5e634ec47601a50643f830c755c01"),
    SigV4Vector(
        name: "get-header-value-trim", method: "GET", path: "/",
        headers: [("My-Header1", " value1"), ("My-Header2", " \"a   b   c\"")],
        canonicalPath: "/",
        canonicalHeaders: "host:example.amazonaws.com\nmy-header1:value1\nmy-header2:\"a b c\"\nx-amz-date:20150830T123600Z",
        signedHeaders: "host;my-header1;my-header2;x-amz-date",
        canonicalRequestHash: "a726db9b0df21c14f559d0a978e563112acb1b9e05476f0a6a1c7d68f28605c7",
        signature: "acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736"),
    SigV4Vector(
        name: "post-vanilla", method: "POST", path: "/", canonicalPath: "/",
        canonicalRequestHash: "553f88c9e4d10fc9e109e2aeb65f030801b70c2f6468faca261d401ae622fc87",
        signature: "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b"),
    SigV4Vector(
        name: "post-vanilla-query", method: "POST", path: "/", query: [QueryItem("Param1", "value1")],
        canonicalPath: "/", canonicalQuery: "Param1=value1",
        canonicalRequestHash: "9d659678c1756bb3113e2ce898845a0a79dbbc57b740555917687f1b3340fbbd",
        signature: "28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11"),
    SigV4Vector(
        name: "post-header-key-sort", method: "POST", path: "/", headers: [("My-Header1", "value1")],
        canonicalPath: "/",
        canonicalHeaders: "host:example.amazonaws.com\nmy-header1:value1\nx-amz-date:20150830T123600Z",
        signedHeaders: "host;my-header1;x-amz-date",
        canonicalRequestHash: "9368318c2967cf6de74404b30c65a91e8f6253e0a8659d6d5319f1a812f87d65",
        signature: "c5410059b04c1ee005303aed430f6e6645f61f4dc9e1461ec8f8916fdf18852c"),
    SigV4Vector(
        name: "post-header-value-case", method: "POST", path: "/", headers: [("My-Header1", "VALUE1")],
        canonicalPath: "/",
        canonicalHeaders: "host:example.amazonaws.com\nmy-header1:VALUE1\nx-amz-date:20150830T123600Z",
        signedHeaders: "host;my-header1;x-amz-date",
        canonicalRequestHash: "d51ced243e649e3de6ef63afbbdcbca03131a21a7103a1583706a64618606a93",
        signature: "cdbc9802e29d2942e5e10b5bccfdd67c5f22c7c4e8ae67b53629efa58b974b7d"),
    SigV4Vector(
        name: "post-x-www-form-urlencoded", method: "POST", path: "/",
        headers: [("Content-Type", "application/x-www-form-urlencoded")], body: "Param1=value1",
        canonicalPath: "/",
        canonicalHeaders: "content-type:application/x-www-form-urlencoded\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z",
        signedHeaders: "content-type;host;x-amz-date",
        payloadHash: "9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e",
        canonicalRequestHash: "42a5e5bb34198acb3e84da4f085bb7927f2bc277ca766e6d19c73c2154021281",
        signature: "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a"),
    SigV4Vector(
        name: "post-sts-token/post-sts-header-before", method: "POST", path: "/", sessionToken: suiteToken,
        canonicalPath: "/",
        canonicalHeaders: "host:example.amazonaws.com\nx-amz-date:20150830T123600Z\nx-amz-security-token:\(suiteToken)",
        signedHeaders: "host;x-amz-date;x-amz-security-token",
        canonicalRequestHash: "c237e1b440d4c63c32ca95b5b99481081cb7b13c7e40434868e71567c1a882f6",
        signature: "85d96828115b5dc0cfc3bd16ad9e210dd772bbebba041836c64533a82be05ead"),
]

@Suite("SigV4: AWS test suite")
struct SigV4TestSuiteTests {
    static let date = Date(timeIntervalSince1970: 1_440_938_160)  // 2015-08-30T12:36:00Z
    static let scope = SigningScope(region: "us-east-1", service: "service")

    @Test(arguments: sigV4Vectors)
    func vector(_ vector: SigV4Vector) throws {
        var request = AWSHTTPRequest(
            method: vector.method, host: "example.amazonaws.com", path: vector.path, query: vector.query,
            body: Data(vector.body.utf8))
        for (name, value) in vector.headers { request.headers.add(name: name, value: value) }
        let credentials = AWSCredentials(
            accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
            sessionToken: vector.sessionToken)

        let signed = SigV4Signer.standard.sign(request, credentials: credentials, scope: Self.scope, date: Self.date)
        #expect(signed.headers["X-Amz-Date"] == "20150830T123600Z")
        #expect(signed.headers["Authorization"] == vector.authorization)
        #expect(signed.headers["X-Amz-Security-Token"] == vector.sessionToken)

        var unsigned = signed
        unsigned.headers.remove(name: "Authorization")
        let details = SigV4Signer.standard.signature(for: unsigned, credentials: credentials, scope: Self.scope, date: Self.date)
        #expect(details.canonicalRequest == vector.canonicalRequest)
        #expect(details.stringToSign == vector.stringToSign)
        #expect(details.signature == vector.signature)
    }

    @Test func signingAgainDoesNotStackHeaders() {
        let credentials = AWSCredentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
        let request = AWSHTTPRequest(method: "GET", host: "example.amazonaws.com")
        let once = SigV4Signer.standard.sign(request, credentials: credentials, scope: Self.scope, date: Self.date)
        let twice = SigV4Signer.standard.sign(once, credentials: credentials, scope: Self.scope, date: Self.date)
        #expect(twice.headers.values(for: "Authorization").count == 1)
        #expect(twice.headers["Authorization"] == once.headers["Authorization"])
    }

    @Test func differentSecretGivesDifferentSignature() {
        let request = AWSHTTPRequest(method: "GET", host: "example.amazonaws.com")
        let good = SigV4Signer.standard.signature(
            for: request, credentials: AWSCredentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
            scope: Self.scope, date: Self.date)
        let bad = SigV4Signer.standard.signature(
            for: request, credentials: AWSCredentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "other"),
            scope: Self.scope, date: Self.date)
        #expect(good.canonicalRequest == bad.canonicalRequest)
        #expect(good.signature != bad.signature)
    }

    @Test func uriEncoding() {
        #expect(AWSURIEncoding.encode("a b/c~d*+=&é") == "a%20b%2Fc~d%2A%2B%3D%26%C3%A9")
        #expect(AWSURIEncoding.encodePath("/my folder/key$1.txt") == "/my%20folder/key%241.txt")
    }

    @Test func timestampIsUTC() {
        let stamp = SigV4Timestamp(Date(timeIntervalSince1970: 951_782_400))  // 2000-02-29T00:00:00Z
        #expect(stamp.amzDate == "20000229T000000Z")
        #expect(stamp.dateStamp == "20000229")
    }
}
