import StarfleetSchema

/// The base payload templates every ship's payload template extends (SPEC §3).
public enum PayloadTemplates {
    // MARK: - Messages

    public static let allAccountsExclusive = "Can't specify other parameters when `AllAccounts` is set to `True`."
    public static let missingAccountFieldSet =
        "Missing an account field set. Either set `AllAccounts: True`, or specify an account `ByNames`, `ByIds`, `ByTags`, and/or `ByOrgUnits`."
    public static let allRegionsExclusive = "Can't specify any other regions when `ALL` is specified in the list."

    public static func invalidRegions(_ bad: [String], catalog: RegionCatalog) -> String {
        "Invalid regions are specified: \(Set(bad).sorted().joined(separator: ", ")). Regions must be from this list: \(catalog.joined)"
    }

    // MARK: - WorkerShipPayloadBaseTemplate

    public static let workerShipPayloadBase = Schema(name: "WorkerShipPayloadBaseTemplate", fields: [
        .string("template_name", key: "TemplateName", required: true),
        .string("template_description", key: "TemplateDescription", required: true),
    ], unknownKeys: .include)

    // MARK: - Account specifications

    public static let accountTag = Schema(name: "AccountTagNameValueSchema", fields: [
        .string("name", key: "Name", required: true, validators: [.length(min: 1, max: 128)]),
        .string("value", key: "Value", required: true, validators: [.length(max: 256)]),
    ], unknownKeys: .raise)

    /// Each OU entry is an id (`ou-…`, at most 68 characters) or a name (at most 128). The
    /// messages say "less than" although exactly 68 and 128 pass — kept as the original (Q19).
    static let organizationalUnitRule = FieldValidator.custom { value in
        guard let text = value.string else { return nil }
        let length = text.unicodeScalars.count
        if length == 0 { return .message("Length must be greater than 0.") }
        if text.hasPrefix("ou-") && length > 68 { return .message("Length must be less than 68 for OU IDs.") }
        if length > 128 { return .message("Length must be less than 128 for OU Names.") }
        return nil
    }

    static let accountSpecificationFields: [Field] = [
        .list("by_names", key: "ByNames", of: .string, itemValidators: [.length(min: 1, max: 128)], default: .list([])),
        .list("by_ids", key: "ByIds", of: .string, itemValidators: [.length(min: 1, max: 12)], default: .list([])),
        .list("by_org_units", key: "ByOrgUnits", of: .string, itemValidators: [organizationalUnitRule], default: .list([])),
        .list("by_tags", key: "ByTags", of: .nested(accountTag), default: .list([])),
    ]

    /// `AccountsSpecificationSchema`: used for `ExcludeAccounts`.
    public static let accountsSpecification = Schema(name: "AccountsSpecificationSchema", fields: accountSpecificationFields,
                                                     unknownKeys: .raise)

    /// `IncludeAccountsSpecificationSchema`: adds `AllAccounts`, exclusive with the other keys.
    public static let includeAccountsSpecification = accountsSpecification.extending(
        "IncludeAccountsSpecificationSchema",
        fields: [.boolean("all_accounts", key: "AllAccounts", default: false)],
        rules: [includeAccountsRule]
    )

    static let includeAccountsRule: Schema.ObjectRule = { data, original in
        var errors = ValidationErrors()
        if data["all_accounts"]?.bool == true {
            if case .mapping(let pairs) = original.value {
                for pair in pairs where pair.key.value != .string("AllAccounts") && pair.value.value.isTruthy {
                    errors.add(allAccountsExclusive, at: pair.key.value.keyDescription, mark: pair.key.mark)
                }
            }
        } else {
            let keys = ["by_names", "by_ids", "by_org_units", "by_tags"]
            let anySet = keys.contains { data[$0]?.isTruthy == true }
            if !anySet {
                for key in ["AllAccounts", "ByNames", "ByIds", "ByOrgUnits", "ByTags"] {
                    errors.add(missingAccountFieldSet, at: key, mark: original.keyMark(key) ?? original.mark)
                }
            }
        }
        return errors.isEmpty ? nil : errors
    }

    // MARK: - BaseAccountPayloadTemplate

    public static let baseAccount = workerShipPayloadBase.extending("BaseAccountPayloadTemplate", fields: [
        .nested("include_accounts", key: "IncludeAccounts", schema: includeAccountsSpecification, required: true),
        .nested("exclude_accounts", key: "ExcludeAccounts", schema: accountsSpecification, default: .map([:])),
        .boolean("operate_in_org_root", key: "OperateInOrgRoot", default: false),
        .optionalString("starbase_assigned_account", key: "StarbaseAssignedAccount"),
    ])

    // MARK: - BaseAccountRegionPayloadTemplate

    public static func baseAccountRegion(regions catalog: RegionCatalog) -> Schema {
        baseAccount.extending("BaseAccountRegionPayloadTemplate", fields: [
            .list("include_regions", key: "IncludeRegions", of: .string, required: true, validators: [.length(min: 1)]),
            .list("exclude_regions", key: "ExcludeRegions", of: .string, default: .list([])),
            .optionalString("starbase_assigned_region", key: "StarbaseAssignedRegion"),
        ], rules: [regionRule(catalog)])
    }

    public static let baseAccountRegion = baseAccountRegion(regions: .active)

    /// `ALL` expands to the catalog (a shared set, built once); other lists must name known regions.
    static func regionRule(_ catalog: RegionCatalog) -> Schema.ObjectRule {
        { data, original in
            var errors = ValidationErrors()
            let include = data["include_regions"]?.strings ?? []
            if include.contains("ALL") {
                if include.count > 1 {
                    errors.add(allRegionsExclusive, at: "IncludeRegions", mark: original.keyMark("IncludeRegions"))
                } else {
                    data["include_regions"] = .stringSet(catalog.names)
                }
            } else {
                let bad = include.filter { !catalog.names.contains($0) }
                if bad.isEmpty {
                    data["include_regions"] = .stringSet(Set(include))
                } else {
                    errors.add(invalidRegions(bad, catalog: catalog), at: "IncludeRegions", mark: original.keyMark("IncludeRegions"))
                }
            }
            let exclude = data["exclude_regions"]?.strings ?? []
            if !exclude.isEmpty {
                let bad = exclude.filter { !catalog.names.contains($0) }
                if bad.isEmpty {
                    data["exclude_regions"] = .stringSet(Set(exclude))
                } else {
                    errors.add(invalidRegions(bad, catalog: catalog), at: "ExcludeRegions", mark: original.keyMark("ExcludeRegions"))
                }
            }
            return errors.isEmpty ? nil : errors
        }
    }

    /// The base templates by name, for `starfleet validate --template NAME`.
    public static let byName: [String: Schema] = [
        workerShipPayloadBase.name: workerShipPayloadBase,
        baseAccount.name: baseAccount,
        baseAccountRegion.name: baseAccountRegion,
    ]
}
