import Starfleet
import StarfleetSchema
import Testing

/// `FleetCheck`: start-up sanity checks of the ship types a binary is built with.
@Suite struct FleetCheckTests {
    @Test func wellFormedFleetIsHealthy() {
        let check = FleetCheck(fleet: testFleet + [RegionalShip.self, ExtendedConfigShip.self])
        #expect(check.isHealthy, "\(check.problems)")
    }

    @Test func shipDefaultsAreTheTypeNameAndTheBaseTemplates() {
        #expect(TestingStarfleetWorkerPlugin.name == "TestingStarfleetWorkerPlugin")
        #expect(TestingStarfleetWorkerPlugin.fanOutStrategy == .singleInvocation)
        #expect(TestingStarfleetWorkerPlugin.configurationTemplate.name == "WorkerShipBaseConfigurationTemplate")
        #expect(TestingStarfleetWorkerPlugin.payloadTemplate.name == "WorkerShipPayloadBaseTemplate")
    }

    @Test func duplicateNamesAreAProblem() {
        let check = FleetCheck(fleet: [NamedTwiceA.self, NamedTwiceB.self])
        #expect(check.problems.map(\.description) == ["SameName: more than one ship type is named SameName; give each ship a unique name"])
    }

    @Test func accountShipNeedsTheAccountPayloadBase() {
        let check = FleetCheck(fleet: [AccountShipWithBaseTemplate.self])
        #expect(check.problems.count == 1)
        #expect(check.problems.first?.ship == "AccountShipWithBaseTemplate")
        #expect(check.problems.first?.message.hasPrefix(
            "its payload template WorkerShipPayloadBaseTemplate does not extend BaseAccountPayloadTemplate, which the ACCOUNT fan-out strategy requires") == true)
    }

    @Test func accountRegionShipNeedsTheAccountRegionPayloadBase() {
        let check = FleetCheck(fleet: [RegionShipWithAccountTemplate.self])
        #expect(check.problems.count == 1)
        #expect(check.problems.first?.message.hasPrefix(
            "its payload template BaseAccountPayloadTemplate does not extend BaseAccountRegionPayloadTemplate, which the ACCOUNT_REGION fan-out strategy requires") == true)
    }

    @Test func configurationTemplateMustExtendTheBase() {
        let check = FleetCheck(fleet: [HomeMadeConfigShip.self])
        #expect(check.problems.count == 1)
        #expect(check.problems.first?.message.hasPrefix(
            "its configuration template HomeMadeConfigTemplate does not extend WorkerShipBaseConfigurationTemplate") == true)
    }

    @Test func everyProblemIsListed() {
        let check = FleetCheck(fleet: [NamedTwiceA.self, NamedTwiceB.self, AccountShipWithBaseTemplate.self, HomeMadeConfigShip.self])
        #expect(check.problems.map(\.ship) == ["SameName", "AccountShipWithBaseTemplate", "HomeMadeConfigShip"])
        #expect(!check.isHealthy)
    }

    @Test(arguments: FanOutStrategy.allCases)
    func strategyNamesTheBaseItRequires(strategy: FanOutStrategy) {
        let expected = ["SINGLE_INVOCATION": "WorkerShipPayloadBaseTemplate", "ACCOUNT": "BaseAccountPayloadTemplate",
                        "ACCOUNT_REGION": "BaseAccountRegionPayloadTemplate"]
        #expect(strategy.requiredPayloadBase == expected[strategy.rawValue])
    }
}
