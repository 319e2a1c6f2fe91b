import Starfleet

extension Fleet {
    /// Every ship this package ships — the Swift counterpart of `WORKER_SHIP_PLUGINS`.
    /// Add a plugin here (one line) after creating its folder under `Plugins/`.
    public static let `default`: Fleet = [
        AccountIndexGeneratorShip.self,
        AwsConfigWorkerShip.self,
        GitHubSyncWorkerShip.self,
        IamRoleWorkerShip.self,
    ]
}
