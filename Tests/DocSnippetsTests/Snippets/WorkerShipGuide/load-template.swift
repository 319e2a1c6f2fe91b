import Starfleet
import StarfleetSchema
import Testing

@Test func baselinePayloadIsReadBySnakeCaseNames() throws {
    let raw = try YAMLReader().read("""
        TemplateName: NetworkBaseline
        TemplateDescription: Every account, two regions.
        IncludeAccounts:
          AllAccounts: true
        IncludeRegions: [us-east-1, eu-west-1]
        BaselineName: network
        RequiredServices: [S3, ec2, s3]
        """)
    let ship = try RegionBaselineShip.loadTemplate(raw)  // validates, or throws SchemaValidationError

    #expect(ship.payload.string("baseline_name") == "network")      // snake_case: not "BaselineName"
    #expect(ship.payload.string("BaselineName") == nil)
    #expect(ship.payload.strings("required_services") == ["ec2", "s3"])  // reshaped by the template's rule
    #expect(ship.payload.strings("include_regions") == ["eu-west-1", "us-east-1"])
    #expect(ship.payload.assignedAccount == nil)                     // set by the Starbase, not the file
}
