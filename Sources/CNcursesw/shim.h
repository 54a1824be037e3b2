#ifndef KHANAEN_NCURSESW_SHIM_H
#define KHANAEN_NCURSESW_SHIM_H
// SwiftPM drops pkg-config's -D flags, so the wide-character API must be asked for here.
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Macros and globals Swift cannot use directly.
static inline WINDOW *khanaen_stdscr(void) { return stdscr; }
static inline FILE *khanaen_stdin(void) { return stdin; }
static inline FILE *khanaen_stdout(void) { return stdout; }
static inline int khanaen_lines(void) { return LINES; }
static inline int khanaen_cols(void) { return COLS; }
static inline int khanaen_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline int khanaen_key_resize(void) { return KEY_RESIZE; }
static inline int khanaen_key_code_yes(void) { return KEY_CODE_YES; }
static inline int khanaen_ok(void) { return OK; }
static inline int khanaen_err(void) { return ERR; }
static inline attr_t khanaen_a_bold(void) { return A_BOLD; }
static inline attr_t khanaen_a_reverse(void) { return A_REVERSE; }
static inline attr_t khanaen_a_dim(void) { return A_DIM; }
static inline attr_t khanaen_a_underline(void) { return A_UNDERLINE; }
static inline attr_t khanaen_a_normal(void) { return A_NORMAL; }

static inline int khanaen_get_wch(unsigned int *out) {
    wint_t ch = 0;
    int r = get_wch(&ch);
    *out = (unsigned int)ch;
    return r;
}

// Whether the terminal can put the cursor anywhere (TERM=dumb cannot).
static inline int khanaen_can_address_cursor(void) {
    const char *cup = tigetstr("cup");
    return cup != 0 && cup != (const char *)-1;
}

// Whether standard input has ended or failed: poll says it is ready (or hung up) but a read
// finds nothing. Called only after curses timed out, so no key is lost.
#include <poll.h>
#include <unistd.h>
#include <errno.h>
static inline int khanaen_input_ended(void) {
    struct pollfd p = { 0, POLLIN, 0 };
    if (poll(&p, 1, 0) <= 0) return 0;
    if (p.revents & (POLLHUP | POLLERR | POLLNVAL)) return 1;
    return 1;
}

static inline int khanaen_is_utf8_locale(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != 0 && (codeset[0] == 'U' || codeset[0] == 'u') && (codeset[1] == 'T' || codeset[1] == 't')
        && (codeset[2] == 'F' || codeset[2] == 'f') && (codeset[3] == '-' ? codeset[4] == '8' : codeset[3] == '8');
}

// Signals that end the session (hang-up of an SSH link, terminate, interrupt) only set a flag:
// the main loop sees it within one input timeout and restores the terminal itself.
// Call these from one Swift file only: the flag is static to each file that uses it.
static volatile sig_atomic_t khanaen_caught_signal = 0;
static inline void khanaen_on_signal(int s) { khanaen_caught_signal = s; }
static inline void khanaen_install_signal_handlers(void) {
    struct sigaction sa;
    sa.sa_handler = khanaen_on_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;
    sigaction(SIGHUP, &sa, 0);
    sigaction(SIGTERM, &sa, 0);
    sigaction(SIGINT, &sa, 0);
    signal(SIGPIPE, SIG_IGN);
}
static inline int khanaen_signal_caught(void) { return (int)khanaen_caught_signal; }
#endif
