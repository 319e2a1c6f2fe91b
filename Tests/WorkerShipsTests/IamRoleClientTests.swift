import Foundation
import StarfleetAWS
import Testing

@testable import WorkerShips

/// The IAM client the IamRoleWorkerShip uses, against a scripted transport: Query encoding,
/// percent-decoded documents, Marker paging (moto ignores MaxItems for ListRolePolicies),
/// retries on throttling only, and secret redaction.
@Suite("IAM client (Query protocol)")
struct IamRoleClientTests {
    static func getRole(_ document: String, boundary: String? = nil) -> String {
        let boundaryXML = boundary.map { "<PermissionsBoundary><PermissionsBoundaryType>Policy</PermissionsBoundaryType><PermissionsBoundaryArn>\($0)</PermissionsBoundaryArn></PermissionsBoundary>" } ?? ""
        return """
        <GetRoleResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><GetRoleResult><Role><Path>/team/</Path>
        <RoleName>Auditor</RoleName><Arn>arn:aws:iam::222222222222:role/team/Auditor</Arn>
        <AssumeRolePolicyDocument>\(document)</AssumeRolePolicyDocument><MaxSessionDuration>7200</MaxSessionDuration>
        \(boundaryXML)</Role></GetRoleResult></GetRoleResponse>
        """
    }

    static func error(_ code: String, _ message: String = "") -> String {
        "<ErrorResponse><Error><Type>Sender</Type><Code>\(code)</Code><Message>\(message)</Message></Error><RequestId>r-1</RequestId></ErrorResponse>"
    }

    @Test("GetRole: global endpoint signing, percent-decoded trust policy, missing description, boundary")
    func getRole() async throws {
        let encoded = "%7B%22Version%22%3A%20%222012-10-17%22%2C%20%22Statement%22%3A%20%5B%5D%7D"
        let transport = ScriptedTransport([.xml(Self.getRole(encoded, boundary: "arn:aws:iam::aws:policy/PowerUserAccess"))])
        let iam = try transport.session().iam()
        let role = try #require(try await iam.getRole(roleName: "Auditor"))
        #expect(role.assumeRolePolicyDocument == #"{"Version": "2012-10-17", "Statement": []}"#)
        #expect(role.description == "")
        #expect(role.path == "/team/")
        #expect(role.maxSessionDuration == 7200)
        #expect(role.permissionsBoundaryArn == "arn:aws:iam::aws:policy/PowerUserAccess")
        #expect(transport.forms.first?["Action"] == "GetRole")
        #expect(transport.forms.first?["Version"] == "2010-05-08")
        #expect(transport.forms.first?["RoleName"] == "Auditor")
        let authorization = try #require(transport.requests.first?.headers["Authorization"])
        #expect(authorization.contains("/us-east-1/iam/aws4_request"), "IAM is signed for us-east-1")
    }

    @Test("GetRole: NoSuchEntity is nil, not an error, and is not retried")
    func missingRole() async throws {
        let transport = ScriptedTransport([.xml(Self.error("NoSuchEntity", "Role Auditor not found"), status: 404)])
        #expect(try await transport.session().iam().getRole(roleName: "Auditor") == nil)
        #expect(transport.requests.count == 1)
    }

    @Test("ListRolePolicies follows Marker across pages")
    func markerPaging() async throws {
        let page = { (names: [String], marker: String?) in
            ScriptedTransport.xml("""
            <ListRolePoliciesResponse><ListRolePoliciesResult><PolicyNames>\(names.map { "<member>\($0)</member>" }.joined())</PolicyNames>
            <IsTruncated>\(marker != nil)</IsTruncated>\(marker.map { "<Marker>\($0)</Marker>" } ?? "")</ListRolePoliciesResult></ListRolePoliciesResponse>
            """)
        }
        let transport = ScriptedTransport([page(["a", "b"], "m1"), page(["c"], "m2"), page(["d"], nil)])
        let names = try await IAMClient(client: transport.session().client(for: .iam), pageSize: 2).listRolePolicies(roleName: "R")
        #expect(names == ["a", "b", "c", "d"])
        #expect(transport.forms.map { $0["Marker"] } == [nil, "m1", "m2"])
        #expect(transport.forms.allSatisfy { $0["MaxItems"] == "2" })
    }

    @Test("a repeated Marker stops with PaginationLoop instead of looping")
    func repeatedMarker() async throws {
        let page = ScriptedTransport.xml("""
        <ListRoleTagsResponse><ListRoleTagsResult><Tags><member><Key>k</Key><Value>v</Value></member></Tags>
        <IsTruncated>true</IsTruncated><Marker>same</Marker></ListRoleTagsResult></ListRoleTagsResponse>
        """)
        let transport = ScriptedTransport([page])
        await #expect(throws: AWSError.self) { try await transport.session().iam().listRoleTags(roleName: "R") }
        do {
            _ = try await transport.session().iam().listRoleTags(roleName: "R")
        } catch let error as AWSError {
            #expect(error.code == "PaginationLoop")
        }
    }

    @Test("throttling is retried, AccessDenied is not; secrets never reach the message")
    func retriesAndRedaction() async throws {
        let ok = ScriptedTransport.xml("<AttachRolePolicyResponse><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></AttachRolePolicyResponse>")
        let throttled = ScriptedTransport([.xml(Self.error("Throttling", "Rate exceeded"), status: 400), ok])
        try await throttled.session().iam().attachRolePolicy(roleName: "R", policyArn: "arn:aws:iam::aws:policy/A")
        #expect(throttled.requests.count == 2)

        let secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
        let denied = ScriptedTransport([.xml(Self.error("AccessDenied", "not allowed with key \(secret) and SESSIONTOKENSECRETVALUE"), status: 403)])
        do {
            try await denied.session().iam().attachRolePolicy(roleName: "R", policyArn: "arn:aws:iam::aws:policy/A")
            Issue.record("expected AccessDenied")
        } catch let error as AWSError {
            #expect(error.code == "AccessDenied")
            #expect(error.attempts == 1)
            #expect(!error.description.contains(secret))
            #expect(!error.description.contains("SESSIONTOKENSECRETVALUE"))
            #expect(error.description.contains(Redactor.placeholder))
        }
        #expect(denied.requests.count == 1)

        let exhausted = ScriptedTransport([.xml(Self.error("Throttling"), status: 400)])
        do {
            try await exhausted.session(maxAttempts: 3).iam().deleteRole(roleName: "R")
            Issue.record("expected Throttling")
        } catch let error as AWSError {
            #expect(error.isThrottling)
            #expect(error.attempts == 3)
        }
        #expect(exhausted.requests.count == 3)
    }

    @Test("CreateRole and TagRole/UntagRole encode members; documents are sent as JSON text")
    func encoding() async throws {
        let ok = ScriptedTransport.xml("<R><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></R>")
        let transport = ScriptedTransport([ok])
        let iam = try transport.session().iam()
        try await iam.createRole(IAMCreateRoleRequest(
            roleName: "Auditor", path: "/team/", assumeRolePolicyDocument: #"{"Statement": []}"#, description: "d e",
            maxSessionDuration: 7200, permissionsBoundaryArn: "arn:aws:iam::aws:policy/B",
            tags: [IAMTag(key: "a", value: "1"), IAMTag(key: "b", value: "2")]))
        try await iam.untagRole(roleName: "Auditor", tagKeys: ["x", "y"])
        try await iam.tagRole(roleName: "Auditor", tags: [])
        let create = transport.forms[0]
        #expect(create["Action"] == "CreateRole")
        #expect(create["AssumeRolePolicyDocument"] == #"{"Statement": []}"#)
        #expect(create["Description"] == "d e")
        #expect(create["MaxSessionDuration"] == "7200")
        #expect(create["PermissionsBoundary"] == "arn:aws:iam::aws:policy/B")
        #expect(create["Tags.member.2.Key"] == "b")
        #expect(create["Tags.member.2.Value"] == "2")
        #expect(transport.forms[1]["TagKeys.member.2"] == "y")
        #expect(transport.requests.count == 2, "an empty TagRole is not sent")
    }
}
