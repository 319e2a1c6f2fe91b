import Starfleet

/// The fleet the running binary was built with, visible to every command.
enum FleetContext {
    @TaskLocal static var fleet: Fleet = []
}
