import Foundation
import StarfleetTestSupport
import Testing

@testable import StarfleetAWS

/// The requests `OrganizationsClient.listAccountsForParent` sends, against the scripted local
/// HTTP stub: target, ParentId, MaxResults (20 unless a smaller page size is set, never more)
/// and the NextToken of the previous page.
@Suite("ListAccountsForParent requests")
struct ListAccountsForParentRequestTests {
    static func page(_ id: String, nextToken: String?) -> StubResponse {
        let token = nextToken.map { #","NextToken":"\#($0)""# } ?? ""
        let account = #"{"Id":"\#(id)","Arn":"arn:aws:organizations::123456789012:account/o-x/\#(id)","Name":"A","Status":"ACTIVE"}"#
        return .json(#"{"Accounts":[\#(account)]\#(token)}"#)
    }

    struct Body: Decodable, Equatable {
        var ParentId: String
        var MaxResults: Int?
        var NextToken: String?
    }

    /// The JSON body of each request, decoded (key order is not part of the protocol).
    static func bodies(_ stub: LocalHTTPStub) async throws -> [Body] {
        try await stub.requests().map { try JSONDecoder().decode(Body.self, from: Data($0.body.utf8)) }
    }

    @Test("follows NextToken to the last page, asking for 20 accounts a page by default",
          arguments: [nil, 50, 5] as [Int?])
    func pages(pageSize: Int?) async throws {
        let stub = try await LocalHTTPStub.start([
            Self.page("111111111111", nextToken: "t1"), Self.page("222222222222", nextToken: "t2"),
            Self.page("333333333333", nextToken: nil),
        ])
        var organizations = try TestClients.session(endpoint: stub.endpoint).organizations()
        organizations.pageSize = pageSize
        let accounts = try await organizations.listAccountsForParent(parentId: "ou-ab12-cdef3456")

        #expect(accounts.map(\.id) == ["111111111111", "222222222222", "333333333333"])
        let requests = try await stub.requests()
        #expect(requests.count == 3)
        #expect(requests.allSatisfy { $0.header("X-Amz-Target") == "AWSOrganizationsV20161128.ListAccountsForParent" })
        let maxResults = min(pageSize ?? 20, 20)
        #expect(try await Self.bodies(stub) == [
            Body(ParentId: "ou-ab12-cdef3456", MaxResults: maxResults),
            Body(ParentId: "ou-ab12-cdef3456", MaxResults: maxResults, NextToken: "t1"),
            Body(ParentId: "ou-ab12-cdef3456", MaxResults: maxResults, NextToken: "t2"),
        ])
    }

    @Test("a refused call is a typed error naming the operation, not retried")
    func refused() async throws {
        let stub = try await LocalHTTPStub.start([.jsonError("ParentNotFoundException", message: "no such parent")])
        let organizations = try TestClients.session(endpoint: stub.endpoint).organizations()
        let error = try await #require(throws: AWSError.self) {
            _ = try await organizations.listAccountsForParent(parentId: "ou-gone")
        }
        #expect(error.code == "ParentNotFoundException")
        #expect(error.description.contains("AWS Organizations ListAccountsForParent"), "\(error)")
        #expect(error.description.contains("no such parent"), "\(error)")
        #expect(try await stub.requests().count == 1)
    }
}
