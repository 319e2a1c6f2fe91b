import Foundation
import Testing
@testable import StarfleetTUI

@Suite("Themes")
struct ThemeTests {
    // MARK: - Colours

    @Test("Colour formats: names, bright variants, colorN, hex, default")
    func colorParsing() {
        #expect(TerminalColor(parsing: "red") == .ansi(1))
        #expect(TerminalColor(parsing: "brightRed") == .ansi(9))
        #expect(TerminalColor(parsing: "bright-red") == .ansi(9))
        #expect(TerminalColor(parsing: "BRIGHT_WHITE") == .ansi(15))
        #expect(TerminalColor(parsing: "grey") == .ansi(8))
        #expect(TerminalColor(parsing: "color0") == .indexed(0))
        #expect(TerminalColor(parsing: "color255") == .indexed(255))
        #expect(TerminalColor(parsing: "#ff8800") == .rgb(255, 136, 0))
        #expect(TerminalColor(parsing: "#F80") == .rgb(255, 136, 0))
        #expect(TerminalColor(parsing: "default") == .default)
        for bad in ["blu", "color256", "color-1", "#12345", "#gggggg", "", "brightbrown"] {
            #expect(TerminalColor(parsing: bad) == nil, "\(bad)")
        }
        #expect(TerminalColor.ansi(9).description == "brightRed")
        #expect(TerminalColor.rgb(1, 2, 255).description == "#0102ff")
    }

    @Test("Degradation truecolor → 256 → 16 → 8 → none")
    func degradation() {
        let orange = TerminalColor.rgb(255, 135, 0)
        #expect(ColorDegradation.degrade(orange, to: .truecolor) == orange)
        #expect(ColorDegradation.degrade(orange, to: .indexed256) == .indexed(208))
        #expect(ColorDegradation.degrade(.rgb(128, 128, 128), to: .indexed256) == .indexed(244))
        #expect(ColorDegradation.degrade(.rgb(255, 0, 0), to: .ansi16) == .ansi(9))
        #expect(ColorDegradation.degrade(.indexed(196), to: .ansi16) == .ansi(9))
        #expect(ColorDegradation.degrade(.indexed(21), to: .ansi16) == .ansi(4))
        #expect(ColorDegradation.degrade(.rgb(100, 100, 255), to: .ansi16) == .ansi(12))
        #expect(ColorDegradation.degrade(.indexed(236), to: .ansi16) == .ansi(0))
        #expect(ColorDegradation.degrade(.indexed(4), to: .ansi16) == .ansi(4))
        #expect(ColorDegradation.degrade(.indexed(196), to: .ansi8) == .ansi(1))
        #expect(ColorDegradation.degrade(.ansi(12), to: .ansi8) == .ansi(4))
        #expect(ColorDegradation.degrade(.ansi(3), to: .monochrome) == .default)
        #expect(ColorDegradation.degrade(.default, to: .ansi8) == .default)
    }

    @Test("Capability detection from COLORS, COLORTERM and NO_COLOR")
    func capability() {
        #expect(ColorCapability.detect(colors: 256, environment: [:]) == .indexed256)
        #expect(ColorCapability.detect(colors: 256, environment: ["COLORTERM": "truecolor"]) == .truecolor)
        #expect(ColorCapability.detect(colors: 256, environment: ["COLORTERM": "24bit"]) == .truecolor)
        #expect(ColorCapability.detect(colors: 8, environment: ["COLORTERM": "truecolor"]) == .ansi8)
        #expect(ColorCapability.detect(colors: 16, environment: [:]) == .ansi16)
        #expect(ColorCapability.detect(colors: 0, environment: [:]) == .monochrome)
        #expect(ColorCapability.detect(colors: 256, environment: ["NO_COLOR": "1"]) == .monochrome)
        #expect(ColorCapability.detect(colors: 256, environment: ["NO_COLOR": ""]) == .indexed256)
    }

    // MARK: - Built-in themes

    @Test("Every built-in theme loads cleanly; default and mono set every key")
    func builtins() throws {
        #expect(BuiltinThemes.names == ["ansi16", "default", "high-contrast", "mono", "solarized-dark"])
        let loader = TemporaryThemes().loader()
        for name in BuiltinThemes.names {
            let result = loader.load(name, capability: .truecolor)
            #expect(result.warnings.isEmpty, "\(name): \(result.warnings)")
            #expect(result.theme.name == name)
        }
        for name in ["default", "mono"] {
            let definition = try #require(BuiltinThemes.definition(named: name))
            let missing = ThemeKey.allCases.filter { definition.styles[$0] == nil }
            #expect(missing.isEmpty, "\(name) does not set \(missing.map(\.rawValue))")
        }
        let mono = Theme.builtinMono
        for key in ThemeKey.allCases {
            #expect(mono[key].foreground == .default && mono[key].background == .default)
        }
        #expect(Theme.default[.selection] == Style(foreground: .black, background: .cyan))
        #expect(Theme.default[.footerKey].attributes == [.bold])
    }

    @Test("ansi16 only uses the 16 ANSI colours; solarized degrades to 256 and 8")
    func paletteDepth() {
        let loader = TemporaryThemes().loader()
        let ansi16 = loader.load("ansi16", capability: .truecolor).theme
        for key in ThemeKey.allCases {
            for color in [ansi16[key].foreground, ansi16[key].background] {
                if case .ansi = color { continue }
                #expect(color == .default, "\(key.rawValue): \(color)")
            }
        }
        let solarized256 = loader.load("solarized-dark", capability: .indexed256).theme
        #expect(solarized256[.text].background == .indexed(ColorDegradation.nearest256(0x00, 0x2b, 0x36)))
        let solarized8 = loader.load("solarized-dark", capability: .ansi8).theme
        for key in ThemeKey.allCases {
            for color in [solarized8[key].foreground, solarized8[key].background] {
                if case .ansi(let n) = color { #expect(n < 8) } else { #expect(color == .default) }
            }
        }
    }

    // MARK: - Loading, extends, fallback

    @Test("A user theme extends default and overrides single keys")
    func extendsDefault() throws {
        let themes = TemporaryThemes()
        try themes.write("ocean", """
            extends: default
            styles:
              frame: { fg: "#0088ff", attributes: [bold] }
              table.header: { fg: color33 }
            """)
        let result = themes.loader().load(option: "ocean", capability: .truecolor)
        #expect(result.warnings.isEmpty, "\(result.warnings)")
        #expect(result.theme.name == "ocean")
        #expect(result.theme[.frame] == Style(foreground: .rgb(0, 0x88, 0xff), attributes: [.bold]))
        #expect(result.theme[.tableHeader] == Style(foreground: .indexed(33)))
        #expect(result.theme[.title] == Theme.default[.title])

        // Degraded for a 256-colour terminal.
        let degraded = themes.loader().load(option: "ocean", capability: .indexed256).theme
        #expect(degraded[.frame].foreground == .indexed(33))
    }

    @Test("Without extends a theme still inherits default; extends: none does not")
    func implicitParent() throws {
        let themes = TemporaryThemes()
        try themes.write("small", "styles:\n  frame: { fg: red }\n")
        try themes.write("bare", "extends: none\nstyles:\n  frame: { fg: red }\n")
        let small = themes.loader().load("small").theme
        #expect(small[.title] == Theme.default[.title])
        let bare = themes.loader().load("bare").theme
        #expect(bare[.title] == .plain)
        #expect(bare[.footerKey] == .plain)
    }

    @Test("A user's default.yaml can extend the shipped default")
    func overrideDefault() throws {
        let themes = TemporaryThemes()
        try themes.write("default", "extends: default\nstyles:\n  frame: { fg: magenta }\n")
        let result = themes.loader().load(option: nil)
        #expect(result.warnings.isEmpty, "\(result.warnings)")
        #expect(result.theme[.frame].foreground == .magenta)
        #expect(result.theme[.title] == Theme.default[.title])
    }

    @Test("Option, then STARFLEET_THEME, then default")
    func precedence() throws {
        let themes = TemporaryThemes()
        let loader = themes.loader(extra: ["STARFLEET_THEME": "mono"])
        #expect(loader.requestedTheme(option: nil) == "mono")
        #expect(loader.requestedTheme(option: "ansi16") == "ansi16")
        #expect(themes.loader().requestedTheme(option: nil) == "default")
        #expect(loader.load(option: nil).theme.name == "mono")
    }

    @Test("A theme given as a path is read from that file")
    func pathTheme() throws {
        let themes = TemporaryThemes()
        let path = try themes.write("elsewhere", "styles:\n  error: { fg: brightMagenta }\n", inUserDirectory: false)
        let result = themes.loader().load(option: path)
        #expect(result.warnings.isEmpty, "\(result.warnings)")
        #expect(result.theme[.error].foreground == .ansi(13))
    }

    @Test("Search order: user directory, then <bindir>/../share, then built-in")
    func searchOrder() throws {
        let themes = TemporaryThemes()
        let loader = themes.loader(executable: themes.root + "/prefix/bin/starfleet")
        #expect(loader.searchDirectories.prefix(3) == [themes.root + "/config/starfleet/themes",
                                                       themes.root + "/prefix/share/starfleet/themes",
                                                       themes.root + "/prefix/bin/themes"])
        try FileManager.default.createDirectory(atPath: themes.root + "/prefix/share/starfleet/themes",
                                                withIntermediateDirectories: true)
        try "styles:\n  frame: { fg: green }\n".write(toFile: themes.root + "/prefix/share/starfleet/themes/mono.yaml",
                                                      atomically: true, encoding: .utf8)
        #expect(loader.load("mono").theme[.frame].foreground == .green)
        try themes.write("mono", "styles:\n  frame: { fg: red }\n")
        #expect(loader.load("mono").theme[.frame].foreground == .red)
        #expect(loader.availableThemeNames().contains("mono"))
        // HOME is used when XDG_CONFIG_HOME is not set.
        let home = ThemeLoader(environment: ["HOME": "/home/op"], executablePath: nil, currentDirectory: nil)
        #expect(home.userThemeDirectory == "/home/op/.config/starfleet/themes")
    }

    @Test("NO_COLOR keeps attributes only; colour-only styles borrow mono's")
    func noColor() {
        let loader = TemporaryThemes().loader(extra: ["NO_COLOR": "1"])
        let theme = loader.load(option: nil, capability: .truecolor).theme
        for key in ThemeKey.allCases {
            #expect(theme[key].foreground == .default && theme[key].background == .default, "\(key.rawValue)")
        }
        #expect(theme[.selection].attributes == [.reverse])      // default's selection is colour only
        #expect(theme[.title].attributes == [.bold])             // default's own attributes are kept
        #expect(theme[.badgeCommit].attributes.contains(.bold))
        let monochromeTerminal = TemporaryThemes().loader().load(option: nil, capability: .monochrome).theme
        #expect(monochromeTerminal[.selection] == Style(attributes: [.reverse]))
    }

    @Test("Broken themes fall back to default with a message naming file, line and key")
    func brokenThemes() throws {
        let themes = TemporaryThemes()
        let loader = themes.loader()

        let unknownKey = try themes.write("typo", """
            name: typo
            extends: default
            styles:
              title: { fg: cyan }
              fram: { fg: blue }
            """)
        var result = loader.load(option: "typo")
        #expect(result.theme.name == "default")
        #expect(result.theme[.frame] == Theme.default[.frame])
        var warning = try #require(result.warnings.first)
        #expect(warning.file == unknownKey)
        #expect(warning.line == 5)
        #expect(warning.key == "styles.fram")
        #expect(warning.description.contains("typo.yaml:5: styles.fram: unknown style key 'fram' (did you mean 'frame'?)"))
        #expect(result.warnings.last?.message.contains("using the default theme") == true)

        let badColor = try themes.write("badcolor", "styles:\n  frame: { fg: blu }\n  title: { fg: color300 }\n")
        result = loader.load(option: "badcolor")
        #expect(result.theme.name == "default")
        #expect(result.warnings.count == 3)
        warning = result.warnings[0]
        #expect(warning.file == badColor && warning.line == 2 && warning.key == "styles.frame.fg")
        #expect(warning.message.contains("unknown colour 'blu'"))
        #expect(result.warnings[1].key == "styles.title.fg" && result.warnings[1].line == 3)

        try themes.write("badyaml", "styles:\n  frame: { fg: red\n  title: {}\n")
        result = loader.load(option: "badyaml")
        #expect(result.theme.name == "default")
        #expect(result.warnings[0].message.hasPrefix("invalid YAML"))
        #expect(result.warnings[0].line != nil)

        try themes.write("badattr", "styles:\n  frame: { attributes: [bold, blink] }\n")
        result = loader.load(option: "badattr")
        #expect(result.warnings[0].key == "styles.frame.attributes")
        #expect(result.warnings[0].message.contains("unknown attribute 'blink'"))

        try themes.write("dup", "styles:\n  frame: { fg: red }\n  frame: { fg: blue }\n")
        result = loader.load(option: "dup")
        #expect(result.warnings[0].message.contains("duplicate key 'frame'"))

        result = loader.load(option: "no-such-theme")
        #expect(result.theme.name == "default")
        #expect(result.warnings[0].message.contains("theme 'no-such-theme' not found"))

        try themes.write("loop-a", "extends: loop-b\nstyles: {}\n")
        try themes.write("loop-b", "extends: loop-a\nstyles: {}\n")
        result = loader.load(option: "loop-a")
        #expect(result.theme.name == "default")
        #expect(result.warnings[0].message.contains("cycle"))

        try themes.write("orphan", "extends: missing-parent\nstyles: {}\n")
        result = loader.load(option: "orphan")
        #expect(result.warnings[0].message.contains("theme 'missing-parent' to extend was not found"))

        result = loader.load(option: themes.root + "/nowhere.yaml")
        #expect(result.warnings[0].message == "cannot read theme file")
    }

    @Test("Lookup falls back to the parent key, then plain")
    func keyFallback() {
        let theme = Theme(name: "t", styles: [.footer: Style(foreground: .red)])
        #expect(theme[.footerKey] == Style(foreground: .red))
        #expect(theme[.title] == .plain)
        #expect(ThemeKey.badgeCommit.parent == nil)   // no `badge` key
        #expect(ThemeKey.footerKey.parent == .footer)
    }
}

/// A throw-away XDG config directory for theme files.
struct TemporaryThemes {
    let root: String

    init() {
        root = NSTemporaryDirectory() + "starfleet-themes-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: root + "/config/starfleet/themes",
                                                 withIntermediateDirectories: true)
    }

    func loader(extra: [String: String] = [:], executable: String? = nil) -> ThemeLoader {
        var environment = ["XDG_CONFIG_HOME": root + "/config", "HOME": root]
        environment.merge(extra) { _, new in new }
        return ThemeLoader(environment: environment, executablePath: executable, currentDirectory: nil)
    }

    @discardableResult
    func write(_ name: String, _ text: String, inUserDirectory: Bool = true) throws -> String {
        let path = inUserDirectory ? "\(root)/config/starfleet/themes/\(name).yaml" : "\(root)/\(name).yaml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
