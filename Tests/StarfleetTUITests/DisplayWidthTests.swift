import Testing
@testable import StarfleetTUI

@Suite("Display width")
struct DisplayWidthTests {
    @Test("ASCII is one cell per character, controls none")
    func ascii() {
        #expect(DisplayWidth.of("hello") == 5)
        #expect(DisplayWidth.of("") == 0)
        #expect(DisplayWidth.of(Character("\t")) == 0)
        #expect(DisplayWidth.of(Character("\u{7}")) == 0)
        #expect(DisplayWidth.of(Character("\r\n")) == 0)
        #expect(DisplayWidth.of(Character("\u{85}")) == 0)
    }

    @Test("CJK, Hangul and fullwidth forms take two cells")
    func cjk() {
        #expect(DisplayWidth.of("中") == 2)
        #expect(DisplayWidth.of("日本語") == 6)
        #expect(DisplayWidth.of("한국어") == 6)
        #expect(DisplayWidth.of("カタカナ") == 8)
        #expect(DisplayWidth.of("ＡＢＣ") == 6)        // fullwidth Latin
        #expect(DisplayWidth.of("ｱｲｳ") == 3)           // halfwidth katakana
        #expect(DisplayWidth.of("\u{1100}\u{1161}") == 2) // conjoining jamo: one cluster
        #expect(DisplayWidth.of("𠀀") == 2)             // CJK extension B
        #expect(DisplayWidth.of("a中b") == 4)
    }

    @Test("Emoji: presentation, VS16, ZWJ families, flags, skin tones, keycaps")
    func emoji() {
        #expect(DisplayWidth.of("😀") == 2)
        #expect(DisplayWidth.of("🚀") == 2)
        #expect(DisplayWidth.of("👨‍👩‍👧‍👦") == 2)        // ZWJ family: one grapheme
        #expect(DisplayWidth.of("🏳️‍🌈") == 2)
        #expect(DisplayWidth.of("🇯🇵") == 2)             // flag
        #expect(DisplayWidth.of("🇯🇵🇫🇷") == 4)
        #expect(DisplayWidth.of("👍🏽") == 2)             // skin tone
        #expect(DisplayWidth.of("❤️") == 2)              // VS16 makes it emoji
        #expect(DisplayWidth.of("❤") == 1)               // text presentation by default
        #expect(DisplayWidth.of("⌚︎") == 1)              // VS15 on an emoji-presentation base
        #expect(DisplayWidth.of("1️⃣") == 2)              // keycap
        #expect(DisplayWidth.of("©️") == 2)
        #expect(DisplayWidth.of("ok 🚀 go") == 8)
    }

    @Test("Combining marks and zero-width characters add nothing")
    func combining() {
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("cafe\u{301}") == 4)
        #expect(DisplayWidth.of("a\u{20DD}") == 1)                     // enclosing mark
        #expect(DisplayWidth.of(Character("\u{301}")) == 0)            // lone combining mark
        #expect(DisplayWidth.of("a\u{200B}b") == 2)                    // zero-width space
        #expect(DisplayWidth.of("\u{200D}") == 0)
        #expect(DisplayWidth.of("ñ") == 1)
        #expect(DisplayWidth.of("Ω≈ç") == 3)
    }

    @Test("Never the same as String.count for wide text")
    func notCount() {
        let name = "🚀 日本"
        #expect(name.count == 4)
        #expect(DisplayWidth.of(name) == 7)
    }
}

@Suite("Text layout")
struct TextLayoutTests {
    @Test func truncation() {
        #expect(TextLayout.truncate("hello world", to: 8) == "hello w…")
        #expect(TextLayout.truncate("hello", to: 5) == "hello")
        #expect(TextLayout.truncate("日本語テキスト", to: 7) == "日本語…")  // 6 + 1
        #expect(TextLayout.truncate("日本語テキスト", to: 6) == "日本…")   // a wide char never straddles
        #expect(DisplayWidth.of(TextLayout.truncate("👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦", to: 5)) <= 5)
        #expect(TextLayout.truncate("abc", to: 0) == "")
        #expect(TextLayout.truncate("abcdef", to: 3, ellipsis: nil) == "abc")
    }

    @Test func paddingAndAlignment() {
        #expect(TextLayout.pad("中", to: 4) == "中  ")
        #expect(TextLayout.fit("ab", width: 5, alignment: .right) == "   ab")
        #expect(TextLayout.fit("ab", width: 6, alignment: .center) == "  ab  ")
        #expect(DisplayWidth.of(TextLayout.fit("日本語", width: 5)) == 5)
    }

    @Test func wrapping() {
        #expect(TextLayout.wrap("the quick brown fox", width: 10) == ["the quick", "brown fox"])
        #expect(TextLayout.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(TextLayout.wrap("日本語のテキスト", width: 5) == ["日本", "語の", "テキ", "スト"])
        #expect(TextLayout.wrap("one\ntwo", width: 10) == ["one", "two"])
        #expect(TextLayout.wrap("", width: 10) == [""])
        for line in TextLayout.wrap("a 🚀🚀🚀 b 中文中文中文 end", width: 5) {
            #expect(DisplayWidth.of(line) <= 5)
        }
        #expect(TextLayout.hardWrap("abcdef", width: 4) == ["abcd", "ef"])
    }

    @Test func sanitizeAndDrop() {
        #expect(TextLayout.sanitize("a\tb", tabWidth: 4) == "a   b")
        #expect(TextLayout.sanitize("x\u{1b}[31my") == "x[31my")
        #expect(TextLayout.dropping(columns: 1, from: "中文") == " 文")
        #expect(TextLayout.dropping(columns: 2, from: "中文") == "文")
    }

    @Test func search() {
        #expect(TextSearch.matchColumns(in: "Error: 中 error", query: "ERROR") == [0..<5, 10..<15])
        #expect(TextSearch.contains("Hello", "ell"))
        #expect(!TextSearch.contains("Hello", ""))
    }
}
