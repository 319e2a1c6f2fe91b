#ifndef STARFLEET_CNCURSESW_SHIM_H
#define STARFLEET_CNCURSESW_SHIM_H
// Wide-character declarations are only visible with this defined before curses.h.
#define _XOPEN_SOURCE_EXTENDED 1
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Everything below wraps what Swift cannot import from curses.h: macros with
// arguments, attribute macros, ACS/WACS tables, and the C globals that Swift 6
// rejects as shared mutable state. Call curses only from the main thread.

// MARK: - Globals

static inline WINDOW *cn_stdscr(void) { return stdscr; }
static inline WINDOW *cn_curscr(void) { return curscr; }
static inline int cn_LINES(void) { return LINES; }
static inline int cn_COLS(void) { return COLS; }
static inline int cn_COLORS(void) { return COLORS; }
static inline int cn_COLOR_PAIRS(void) { return COLOR_PAIRS; }
static inline int cn_CCHARW_MAX(void) { return CCHARW_MAX; }

// MARK: - Locale

/// Calls setlocale(LC_ALL, "") and tells whether the resulting character set is UTF-8.
static inline int cn_setlocale_from_environment(void) {
    setlocale(LC_ALL, "");
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

// MARK: - Geometry

static inline void cn_getmaxyx(WINDOW *win, int *rows, int *cols) {
    int y = 0, x = 0;
    getmaxyx(win, y, x);
    *rows = y;
    *cols = x;
}

// MARK: - Attributes

static inline attr_t cn_A_NORMAL(void) { return A_NORMAL; }
static inline attr_t cn_A_BOLD(void) { return A_BOLD; }
static inline attr_t cn_A_DIM(void) { return A_DIM; }
static inline attr_t cn_A_REVERSE(void) { return A_REVERSE; }
static inline attr_t cn_A_UNDERLINE(void) { return A_UNDERLINE; }
static inline attr_t cn_A_STANDOUT(void) { return A_STANDOUT; }
static inline attr_t cn_A_ITALIC(void) { return A_ITALIC; }
static inline attr_t cn_COLOR_PAIR(int pair) { return (attr_t)COLOR_PAIR(pair); }

// MARK: - Keys

static inline int cn_KEY_CODE_YES(void) { return KEY_CODE_YES; }
static inline int cn_KEY_RESIZE(void) { return KEY_RESIZE; }
static inline int cn_KEY_F(int n) { return KEY_F(n); }
static inline int cn_KEY_F0(void) { return KEY_F0; }

// MARK: - Wide characters

/// Writes one cell: `chars` holds a spacing character followed by up to
/// CCHARW_MAX-1 combining characters (zero-terminated or `count` long).
static inline int cn_mvwadd_cell(WINDOW *win, int row, int col, const wchar_t *chars, int count,
                                 attr_t attrs, int pair) {
    wchar_t buffer[CCHARW_MAX + 1];
    int n = count < CCHARW_MAX ? count : CCHARW_MAX;
    for (int i = 0; i < n; i++) buffer[i] = chars[i];
    buffer[n] = 0;
    cchar_t cell;
    memset(&cell, 0, sizeof cell);
    int extended = pair;
    if (setcchar(&cell, buffer, attrs, (short)(pair > 32767 ? 0 : pair), &extended) == ERR) return ERR;
    return mvwadd_wch(win, row, col, &cell);
}

/// Writes a wide string (several spacing characters, e.g. a flag's two regional
/// indicators) with the given attributes and colour pair.
static inline int cn_mvwaddnwstr_styled(WINDOW *win, int row, int col, const wchar_t *chars, int count,
                                        attr_t attrs, int pair) {
    wattr_set(win, attrs, (short)(pair > 32767 ? 0 : pair), &pair);
    int rc = mvwaddnwstr(win, row, col, chars, count);
    wattr_set(win, A_NORMAL, 0, NULL);
    return rc;
}

static inline int cn_wcwidth(unsigned int scalar) { return wcwidth((wchar_t)scalar); }

// MARK: - ACS / WACS line drawing

static inline chtype cn_ACS_HLINE(void) { return ACS_HLINE; }
static inline chtype cn_ACS_VLINE(void) { return ACS_VLINE; }
static inline chtype cn_ACS_ULCORNER(void) { return ACS_ULCORNER; }
static inline chtype cn_ACS_URCORNER(void) { return ACS_URCORNER; }
static inline chtype cn_ACS_LLCORNER(void) { return ACS_LLCORNER; }
static inline chtype cn_ACS_LRCORNER(void) { return ACS_LRCORNER; }
static inline chtype cn_ACS_LTEE(void) { return ACS_LTEE; }
static inline chtype cn_ACS_RTEE(void) { return ACS_RTEE; }
static inline chtype cn_ACS_TTEE(void) { return ACS_TTEE; }
static inline chtype cn_ACS_BTEE(void) { return ACS_BTEE; }
static inline chtype cn_ACS_PLUS(void) { return ACS_PLUS; }
static inline const cchar_t *cn_WACS_HLINE(void) { return WACS_HLINE; }
static inline const cchar_t *cn_WACS_VLINE(void) { return WACS_VLINE; }
static inline const cchar_t *cn_WACS_ULCORNER(void) { return WACS_ULCORNER; }
static inline const cchar_t *cn_WACS_URCORNER(void) { return WACS_URCORNER; }
static inline const cchar_t *cn_WACS_LLCORNER(void) { return WACS_LLCORNER; }
static inline const cchar_t *cn_WACS_LRCORNER(void) { return WACS_LRCORNER; }
static inline int cn_mvwadd_wacs(WINDOW *win, int row, int col, const cchar_t *wacs) {
    return mvwadd_wch(win, row, col, wacs);
}

// MARK: - Emergency terminal restore
// Async-signal-safe: used from crash handlers, where calling endwin() is not safe.
// State lives in function-local statics (file-scope statics in a header are
// not emitted when Swift imports it).

static inline struct termios *cn__saved_termios(void) { static struct termios saved; return &saved; }
static inline volatile sig_atomic_t *cn__saved_termios_valid(void) { static volatile sig_atomic_t valid = 0; return &valid; }
static inline volatile sig_atomic_t *cn__curses_active(void) { static volatile sig_atomic_t active = 0; return &active; }
static inline struct sigaction *cn__previous_actions(void) { static struct sigaction actions[65]; return actions; }

/// Remembers the terminal modes before curses changes them.
static inline void cn_save_terminal_modes(void) {
    if (tcgetattr(STDIN_FILENO, cn__saved_termios()) == 0) *cn__saved_termios_valid() = 1;
}

static inline void cn_set_curses_active(int active) { *cn__curses_active() = active; }
static inline int cn_curses_active(void) { return *cn__curses_active(); }

/// Puts the terminal back without touching curses: original termios, normal
/// attributes, visible cursor, keypad off, alternate screen left.
static inline void cn_emergency_restore(void) {
    if (!*cn__curses_active()) return;
    *cn__curses_active() = 0;
    static const char reset[] = "\033[0m\033[?25h\033[?1l\033>\033[?1049l\r\n";
    ssize_t ignored = write(STDOUT_FILENO, reset, sizeof reset - 1);
    (void)ignored;
    if (*cn__saved_termios_valid()) tcsetattr(STDIN_FILENO, TCSANOW, cn__saved_termios());
}

static inline void cn__crash_handler(int sig) {
    cn_emergency_restore();
    // Hand the signal to whoever had it before (the Swift runtime's backtracer
    // or the default action); it is delivered again once this handler returns.
    if (sig > 0 && sig < 65) sigaction(sig, &cn__previous_actions()[sig], NULL);
    raise(sig);
}

/// Installs handlers for fatal signals (traps, faults, aborts) that restore
/// the terminal and then re-raise the signal to the previous handler.
static inline void cn_install_crash_handlers(void) {
    static const int signals[] = { SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE };
    for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_handler = cn__crash_handler;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_ONSTACK;
        sigaction(signals[i], &action, &cn__previous_actions()[signals[i]]);
    }
}

static inline void cn__atexit_endwin(void) {
    if (*cn__curses_active()) {
        *cn__curses_active() = 0;
        if (!isendwin()) endwin();
    }
}

/// Registers (once) an atexit hook that calls endwin() if curses is still active.
static inline void cn_register_atexit_restore(void) {
    static int registered = 0;
    if (!registered) {
        registered = 1;
        atexit(cn__atexit_endwin);
    }
}

#endif
