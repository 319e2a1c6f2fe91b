// GENERATED from themes/*.yaml by BuiltinThemeTests — do not edit by hand.
// Regenerate: STARFLEET_UPDATE_BUILTIN_THEMES=1 swift test --filter BuiltinThemeTests
extension BuiltinThemes {
    static let sources: [String: String] = [
        "ansi16": #"""
# Starfleet console theme: ansi16 — the default theme restricted to the 16 ANSI
# colours, so it looks the same whatever palette depth the terminal reports.
name: ansi16
description: Like default, but only the 16 ANSI colours (no 256-colour greys).
extends: default
styles:
  footer: { fg: black, bg: white }
  footer.key: { fg: blue, bg: white, attributes: [bold] }
  footer.disabled: { fg: brightBlack, bg: white }
  dialog: { fg: brightWhite, bg: black }
  dialog.button: { fg: black, bg: white }
  dialog.buttonFocused: { fg: black, bg: brightCyan, attributes: [bold] }
  environment.production: { fg: brightWhite, bg: red, attributes: [bold] }
  environment.staging: { fg: black, bg: yellow, attributes: [bold] }
  environment.development: { fg: black, bg: green }
  environment.demo: { fg: black, bg: cyan }
  environment.other: { fg: black, bg: white }

"""#,
        "default": #"""
# Starfleet console theme: default
#
# Theme files map semantic keys to styles. Each style may set:
#   fg, bg      a colour: a name (black red green yellow blue magenta cyan white,
#               brightBlack … brightWhite, gray), colorN (0-255), #rrggbb, or default
#   attributes  a list of: bold, dim, underline, reverse, italic
# Colours are degraded to what the terminal supports (truecolor → 256 → 16 → 8);
# NO_COLOR keeps attributes only. Another theme can start from this one with
# `extends: default` and override single keys; a key it leaves out falls back
# to its parent key (footer.key → footer).
name: default
description: ANSI colours on the terminal's own background; works on 8, 16 and 256 colour terminals.
extends: none
styles:
  text: {}
  text.muted: { fg: brightBlack }
  frame: { fg: blue }
  frame.focused: { fg: brightCyan }
  title: { fg: brightCyan, attributes: [bold] }
  header: { fg: brightWhite, bg: blue }
  footer: { fg: white, bg: color236 }
  footer.key: { fg: brightYellow, bg: color236, attributes: [bold] }
  footer.disabled: { fg: brightBlack, bg: color236 }
  notice: { fg: brightYellow }
  error: { fg: brightRed, attributes: [bold] }

  table.header: { fg: brightWhite, attributes: [bold, underline] }
  table.row: {}
  selection: { fg: black, bg: cyan }

  badge.enabled: { fg: black, bg: green }
  badge.disabled: { fg: white, bg: brightBlack }
  badge.notConfigured: { fg: black, bg: yellow }
  badge.invalid: { fg: brightWhite, bg: red, attributes: [bold] }
  badge.dryRun: { fg: black, bg: cyan }
  badge.commit: { fg: brightWhite, bg: red, attributes: [bold] }
  badge.readonly: { fg: black, bg: magenta, attributes: [bold] }

  # The environment label in the header (--environment, STARFLEET_ENVIRONMENT):
  # production must never look like the demo.
  environment.production: { fg: brightWhite, bg: red, attributes: [bold] }
  environment.staging: { fg: black, bg: yellow, attributes: [bold] }
  environment.development: { fg: black, bg: green }
  environment.demo: { fg: black, bg: cyan }
  environment.other: { fg: black, bg: white }

  yaml.key: { fg: cyan }
  yaml.value: { fg: green }
  yaml.comment: { fg: brightBlack }
  yaml.lineNumber: { fg: brightBlack }
  payload.default: { fg: yellow }
  payload.included: { fg: magenta }

  log.debug: { fg: brightBlack }
  log.info: {}
  log.warning: { fg: yellow }
  log.error: { fg: brightRed }
  log.critical: { fg: brightWhite, bg: red, attributes: [bold] }

  dialog: { fg: brightWhite, bg: color235 }
  dialog.button: { fg: white, bg: color240 }
  dialog.buttonFocused: { fg: black, bg: cyan, attributes: [bold] }
  help.key: { fg: brightYellow, attributes: [bold] }
  help.section: { fg: brightCyan, attributes: [bold, underline] }
  input: { fg: brightWhite }
  input.cursor: { attributes: [reverse] }

  diff.add: { fg: green }
  diff.change: { fg: yellow }
  diff.remove: { fg: red }
  search.match: { fg: black, bg: yellow }

"""#,
        "high-contrast": #"""
# Starfleet console theme: high-contrast — bright colours and bold text on the
# terminal's background, for projectors and low-vision setups.
name: high-contrast
description: Bright, bold, maximum contrast; 16 ANSI colours only.
extends: default
styles:
  text: { fg: brightWhite }
  text.muted: { fg: white }
  frame: { fg: brightWhite }
  frame.focused: { fg: brightYellow, attributes: [bold] }
  title: { fg: brightYellow, attributes: [bold] }
  header: { fg: black, bg: brightWhite, attributes: [bold] }
  footer: { fg: black, bg: brightWhite }
  footer.key: { fg: blue, bg: brightWhite, attributes: [bold, underline] }
  footer.disabled: { fg: brightBlack, bg: brightWhite }
  table.header: { fg: brightYellow, attributes: [bold, underline] }
  table.row: { fg: brightWhite }
  selection: { fg: black, bg: brightYellow, attributes: [bold] }
  yaml.comment: { fg: white }
  yaml.lineNumber: { fg: white }
  log.debug: { fg: white }
  dialog: { fg: brightWhite, bg: black, attributes: [bold] }
  dialog.button: { fg: black, bg: white }
  dialog.buttonFocused: { fg: black, bg: brightYellow, attributes: [bold, underline] }
  search.match: { fg: black, bg: brightGreen, attributes: [bold] }
  environment.production: { fg: brightWhite, bg: red, attributes: [bold, underline] }
  environment.staging: { fg: black, bg: brightYellow, attributes: [bold] }
  environment.development: { fg: black, bg: brightGreen, attributes: [bold] }
  environment.demo: { fg: black, bg: brightCyan, attributes: [bold] }
  environment.other: { fg: black, bg: brightWhite, attributes: [bold] }

"""#,
        "mono": #"""
# Starfleet console theme: mono — no colours at all, attributes only.
# Also the fallback for colour-only styles when NO_COLOR is set.
name: mono
description: Attributes only (bold, dim, underline, reverse); for monochrome terminals and NO_COLOR.
extends: none
styles:
  text: {}
  text.muted: { attributes: [dim] }
  frame: {}
  frame.focused: { attributes: [bold] }
  title: { attributes: [bold] }
  header: { attributes: [reverse] }
  footer: { attributes: [reverse] }
  footer.key: { attributes: [reverse, bold] }
  footer.disabled: { attributes: [reverse, dim] }
  notice: { attributes: [bold] }
  error: { attributes: [bold, underline] }

  table.header: { attributes: [bold, underline] }
  table.row: {}
  selection: { attributes: [reverse] }

  badge.enabled: { attributes: [bold] }
  badge.disabled: { attributes: [dim] }
  badge.notConfigured: { attributes: [underline] }
  badge.invalid: { attributes: [bold, reverse] }
  badge.dryRun: { attributes: [reverse] }
  badge.commit: { attributes: [bold, reverse, underline] }
  badge.readonly: { attributes: [reverse] }

  environment.production: { attributes: [bold, reverse, underline] }
  environment.staging: { attributes: [bold, underline] }
  environment.development: { attributes: [underline] }
  environment.demo: { attributes: [dim] }
  environment.other: { attributes: [dim] }

  yaml.key: { attributes: [bold] }
  yaml.value: {}
  yaml.comment: { attributes: [dim] }
  yaml.lineNumber: { attributes: [dim] }
  payload.default: { attributes: [underline] }
  payload.included: { attributes: [dim, underline] }

  log.debug: { attributes: [dim] }
  log.info: {}
  log.warning: { attributes: [bold] }
  log.error: { attributes: [bold, underline] }
  log.critical: { attributes: [bold, reverse] }

  dialog: {}
  dialog.button: {}
  dialog.buttonFocused: { attributes: [reverse, bold] }
  help.key: { attributes: [bold] }
  help.section: { attributes: [bold, underline] }
  input: {}
  input.cursor: { attributes: [reverse] }

  diff.add: { attributes: [bold] }
  diff.change: { attributes: [underline] }
  diff.remove: { attributes: [dim] }
  search.match: { attributes: [reverse, underline] }

"""#,
        "solarized-dark": #"""
# Starfleet console theme: solarized-dark — Ethan Schoonover's Solarized palette
# in 24-bit colour (degraded to 256 or 16 colours where needed).
name: solarized-dark
description: Solarized dark palette, 24-bit colours.
extends: default
styles:
  text: { fg: "#839496", bg: "#002b36" }
  text.muted: { fg: "#586e75", bg: "#002b36" }
  frame: { fg: "#586e75", bg: "#002b36" }
  frame.focused: { fg: "#268bd2", bg: "#002b36" }
  title: { fg: "#93a1a1", bg: "#002b36", attributes: [bold] }
  header: { fg: "#fdf6e3", bg: "#073642" }
  footer: { fg: "#93a1a1", bg: "#073642" }
  footer.key: { fg: "#b58900", bg: "#073642", attributes: [bold] }
  footer.disabled: { fg: "#586e75", bg: "#073642" }
  notice: { fg: "#b58900", bg: "#002b36" }
  error: { fg: "#dc322f", bg: "#002b36", attributes: [bold] }

  table.header: { fg: "#93a1a1", bg: "#002b36", attributes: [bold, underline] }
  table.row: { fg: "#839496", bg: "#002b36" }
  selection: { fg: "#fdf6e3", bg: "#268bd2" }

  badge.enabled: { fg: "#002b36", bg: "#859900" }
  badge.disabled: { fg: "#002b36", bg: "#586e75" }
  badge.notConfigured: { fg: "#002b36", bg: "#b58900" }
  badge.invalid: { fg: "#fdf6e3", bg: "#dc322f", attributes: [bold] }
  badge.dryRun: { fg: "#002b36", bg: "#2aa198" }
  badge.commit: { fg: "#fdf6e3", bg: "#dc322f", attributes: [bold] }
  badge.readonly: { fg: "#fdf6e3", bg: "#6c71c4", attributes: [bold] }
  environment.production: { fg: "#fdf6e3", bg: "#dc322f", attributes: [bold] }
  environment.staging: { fg: "#002b36", bg: "#b58900", attributes: [bold] }
  environment.development: { fg: "#002b36", bg: "#859900" }
  environment.demo: { fg: "#002b36", bg: "#2aa198" }
  environment.other: { fg: "#002b36", bg: "#93a1a1" }

  yaml.key: { fg: "#268bd2", bg: "#002b36" }
  yaml.value: { fg: "#2aa198", bg: "#002b36" }
  yaml.comment: { fg: "#586e75", bg: "#002b36" }
  yaml.lineNumber: { fg: "#586e75", bg: "#073642" }
  payload.default: { fg: "#b58900", bg: "#002b36" }
  payload.included: { fg: "#d33682", bg: "#002b36" }

  log.debug: { fg: "#586e75", bg: "#002b36" }
  log.info: { fg: "#839496", bg: "#002b36" }
  log.warning: { fg: "#b58900", bg: "#002b36" }
  log.error: { fg: "#dc322f", bg: "#002b36" }
  log.critical: { fg: "#fdf6e3", bg: "#dc322f", attributes: [bold] }

  dialog: { fg: "#93a1a1", bg: "#073642" }
  dialog.button: { fg: "#839496", bg: "#586e75" }
  dialog.buttonFocused: { fg: "#fdf6e3", bg: "#268bd2", attributes: [bold] }
  help.key: { fg: "#b58900", bg: "#073642", attributes: [bold] }
  help.section: { fg: "#268bd2", bg: "#073642", attributes: [bold, underline] }
  input: { fg: "#eee8d5", bg: "#002b36" }
  input.cursor: { fg: "#002b36", bg: "#eee8d5" }

  diff.add: { fg: "#859900", bg: "#002b36" }
  diff.change: { fg: "#b58900", bg: "#002b36" }
  diff.remove: { fg: "#dc322f", bg: "#002b36" }
  search.match: { fg: "#002b36", bg: "#b58900" }

"""#,
    ]
}
