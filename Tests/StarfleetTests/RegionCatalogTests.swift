import Starfleet
import StarfleetTestSupport
import Testing

/// The region catalog: 34 built-in regions, overridable with `STARFLEET_REGIONS_FILE` (Q20).
@Suite struct RegionCatalogTests {
    @Test func builtInCatalogHasThe34PartitionRegions() {
        #expect(RegionCatalog.builtInNames.count == 34)
        #expect(RegionCatalog.builtIn.names == Regions.all)
        #expect(RegionCatalog.builtIn.sorted == RegionCatalog.builtIn.sorted.sorted())
        #expect(RegionCatalog.builtIn.joined == Regions.allText)
        #expect(Set(Regions.original29).isSubset(of: RegionCatalog.builtIn.names))
        #expect(RegionCatalog.builtIn.names.allSatisfy { !$0.hasPrefix("cn-") && !$0.hasPrefix("us-gov-") })
    }

    @Test func withoutTheVariableTheBuiltInCatalogIsUsed() throws {
        #expect(try RegionCatalog.load(environment: [:]) == .builtIn)
        #expect(try RegionCatalog.load(environment: ["STARFLEET_REGIONS_FILE": ""]) == .builtIn)
    }

    @Test func validFileReplacesTheCatalog() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("# regions\n- us-east-1\n- eu-west-1\n- us-east-1\n- xx-future-9\n", to: "regions.yaml")
        let catalog = try RegionCatalog.load(environment: ["STARFLEET_REGIONS_FILE": file.path])
        #expect(catalog.names == ["us-east-1", "eu-west-1", "xx-future-9"])
        #expect(catalog.sorted == ["eu-west-1", "us-east-1", "xx-future-9"])
        #expect(catalog.joined == "eu-west-1, us-east-1, xx-future-9")
        #expect(catalog.source == file.path)
    }

    @Test(arguments: ["us-east-1: yes\n", "[]\n", "", "just-a-string\n"])
    func fileThatIsNotANonEmptyListIsRejected(text: String) throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write(text, to: "regions.yaml")
        let error = #expect(throws: RegionCatalogError.self) {
            try RegionCatalog.load(environment: ["STARFLEET_REGIONS_FILE": file.path])
        }
        #expect(error?.description == "STARFLEET_REGIONS_FILE: \(file.path) must hold a non-empty YAML list of region names")
    }

    @Test func nonStringEntryIsRejectedWithItsLine() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("- us-east-1\n- 5\n", to: "regions.yaml")
        let error = #expect(throws: RegionCatalogError.self) {
            try RegionCatalog.load(environment: ["STARFLEET_REGIONS_FILE": file.path])
        }
        #expect(error?.description == "STARFLEET_REGIONS_FILE: \(file.path):2: every entry must be a region name string")
    }

    @Test func missingFileIsRejected() {
        let error = #expect(throws: RegionCatalogError.self) {
            try RegionCatalog.load(environment: ["STARFLEET_REGIONS_FILE": "/nonexistent/regions.yaml"])
        }
        #expect(error?.description == "STARFLEET_REGIONS_FILE: /nonexistent/regions.yaml: no such file")
    }

    @Test func unparsableFileIsRejectedWithItsPosition() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("- us-east-1\n- [eu-west-1\n", to: "regions.yaml")
        let error = #expect(throws: RegionCatalogError.self) {
            try RegionCatalog.load(environment: ["STARFLEET_REGIONS_FILE": file.path])
        }
        #expect(error?.description.hasPrefix("STARFLEET_REGIONS_FILE: \(file.path):") == true)
    }

    @Test func overrideCatalogDrivesStarfleetValidation() throws {
        let catalog = RegionCatalog(names: ["us-east-1", "xx-future-9"], source: "test")
        let text = minimalStarfleet.replacingOccurrences(of: "us-east-2", with: "xx-future-9")
        let errors = StarfleetSectionTemplate.configuration(regions: catalog).validate(yaml(text))
        #expect(errors.isEmpty)
        let builtIn = StarfleetSectionTemplate.configuration(regions: .builtIn).validate(yaml(text))
        expectErrors(builtIn, #"{"STARFLEET": {"DeploymentRegion": ["Must be one of: \#(Regions.allText)."]}}"#)
    }
}
