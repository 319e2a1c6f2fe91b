import StarfleetAWS
import Testing

/// `AWS_MAX_ATTEMPTS` and `STARFLEET_AWS_TIMEOUT` shorten a stuck endpoint's wait (a paused
/// moto in the console's acceptance test); anything but a positive number leaves the defaults,
/// with a warning naming the variable.
@Suite("AWSClientConfiguration from the environment")
struct AWSClientConfigurationTests {
    @Test("Attempts and the per-attempt timeout come from the environment")
    func overrides() {
        let configuration = AWSClientConfiguration(environment: ["AWS_MAX_ATTEMPTS": "1", "STARFLEET_AWS_TIMEOUT": "2.5"])
        #expect(configuration.retryPolicy.maxAttempts == 1)
        #expect(configuration.timeout == 2.5)
        let session = AWSSession(region: "us-east-1", environment: ["AWS_MAX_ATTEMPTS": "2", "HOME": "/nonexistent"])
        #expect(session.configuration.retryPolicy.maxAttempts == 2)
    }

    @Test("Values that are not positive numbers keep the defaults and are reported", arguments: ["0", "-3", "soon", "", "inf"])
    func ignored(_ value: String) {
        var warnings: [String] = []
        let configuration = AWSClientConfiguration(environment: ["AWS_MAX_ATTEMPTS": value, "STARFLEET_AWS_TIMEOUT": value]) {
            warnings.append($0)
        }
        #expect(configuration == AWSClientConfiguration())
        #expect(warnings == ["AWS_MAX_ATTEMPTS='\(value)' is not a whole number of at least 1; using 3",
                             "STARFLEET_AWS_TIMEOUT='\(value)' is not a positive number of seconds; using 30"])
    }
}
