import Foundation
@testable import StarfleetConsole
import Testing
@testable import StarfleetTUI

/// The console's real binding table: no key means two things on one screen, and every
/// command a screen binds is one its feature performs.
@Suite("Console bindings")
struct ConsoleBindingsTests {
    static let screens: [BindingContext] = [
        ConsoleBindings.fleet, ConsoleBindings.errors, ConsoleBindings.picker, ConsoleBindings.inspector,
        ConsoleBindings.fanOut, ConsoleBindings.run, ConsoleBindings.history, ConsoleBindings.log,
    ]

    @Test("The registry's conflict check finds nothing in the real bindings, read-write and read-only")
    func noConflicts() {
        for readOnly in [false, true] {
            let registry = KeyBindingRegistry(ConsoleBindings.all, readOnly: readOnly)
            let conflicts = registry.conflicts().map { "\($0.context) \($0.key): \($0.commands)" }
            #expect(conflicts.isEmpty, "conflicting bindings: \(conflicts)")
        }
    }

    @Test("Every screen, with global keys, resolves each of its keys to exactly one command")
    func everyScreenResolvesUniquely() {
        let registry = KeyBindingRegistry(ConsoleBindings.all)
        for screen in Self.screens {
            let active = registry.active(in: [screen, .global])
            #expect(!active.isEmpty, "no bindings on \(screen)")
            var owners: [Key: [ConsoleCommand]] = [:]
            for binding in active {
                for key in binding.keys { owners[key, default: []].append(binding.command) }
            }
            let doubled = owners.filter { $0.value.count > 1 }
            #expect(doubled.isEmpty, "\(screen): \(doubled)")
        }
    }

    @Test("Only the modal bindings (dialog, input line, help) are help-only, and they never resolve")
    func helpOnlyBindings() {
        let helpOnly = Set(ConsoleBindings.all.filter(\.isHelpOnly).flatMap(\.contexts))
        #expect(helpOnly == [ConsoleBindings.dialog, ConsoleBindings.input, ConsoleBindings.help])
        let registry = KeyBindingRegistry(ConsoleBindings.all)
        #expect(registry.resolve(.enter, in: [ConsoleBindings.dialog]) == .unbound)
        #expect(registry.resolve(.escape, in: [ConsoleBindings.input]) == .unbound)
        guard case .perform(let quit) = registry.resolve(.char("q"), in: [ConsoleBindings.tooSmall]) else {
            Issue.record("q should quit on a too-small screen")
            return
        }
        #expect(quit.command == .quit)
    }
}
