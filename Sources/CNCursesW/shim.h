#ifndef DISPATCH_CNCURSESW_SHIM_H
#define DISPATCH_CNCURSESW_SHIM_H

// SwiftPM drops pkg-config's -D flags, so the wide-character API must be switched on
// here, before curses.h, or cchar_t, wget_wch and setcchar vanish.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Declared explicitly: some glibc configurations hide it behind feature macros.
extern int wcwidth(wchar_t c);

// Attributes are macros built from NCURSES_BITS, which Swift cannot import.
static inline attr_t dispatch_A_NORMAL(void) { return A_NORMAL; }
static inline attr_t dispatch_A_BOLD(void) { return A_BOLD; }
static inline attr_t dispatch_A_REVERSE(void) { return A_REVERSE; }
static inline attr_t dispatch_A_UNDERLINE(void) { return A_UNDERLINE; }
static inline attr_t dispatch_A_DIM(void) { return A_DIM; }
static inline attr_t dispatch_COLOR_PAIR(int n) { return COLOR_PAIR(n); }

static inline int dispatch_KEY_F(int n) { return KEY_F(n); }

// Swift 6 refuses these C globals (they are mutable shared state); read them through functions.
static inline WINDOW *dispatch_stdscr(void) { return stdscr; }
static inline int dispatch_LINES(void) { return LINES; }
static inline int dispatch_COLS(void) { return COLS; }
static inline int dispatch_COLORS(void) { return COLORS; }
static inline int dispatch_COLOR_PAIRS(void) { return COLOR_PAIRS; }

static inline void dispatch_getmaxyx(WINDOW *win, int *y, int *x) {
    int yy, xx;
    getmaxyx(win, yy, xx);
    *y = yy;
    *x = xx;
}

// Box-drawing characters for the ASCII-safe path ncurses picks per terminal.
static inline const cchar_t *dispatch_WACS_HLINE(void) { return WACS_HLINE; }
static inline const cchar_t *dispatch_WACS_VLINE(void) { return WACS_VLINE; }

/// Writes one cell: `text` is a NUL-terminated wide string of one grapheme
/// (a base character plus combining marks, at most CCHARW_MAX - 1 of them).
static inline int dispatch_put_cell(WINDOW *win, int y, int x, const wchar_t *text, attr_t attrs, int pair) {
    cchar_t cell;
    memset(&cell, 0, sizeof cell);
    if (setcchar(&cell, text, attrs, (NCURSES_PAIRS_T)pair, NULL) == ERR) {
        return ERR;
    }
    return mvwadd_wch(win, y, x, &cell);
}

// Mouse: the BUTTON* masks are macros. Presses, not clicks, with no click interval, so a
// click arrives at once in nodelay mode. Returns nonzero when the terminal reports the mouse.
static inline int dispatch_mouse_on(void) {
    mouseinterval(0);
    mmask_t wanted = BUTTON1_PRESSED | BUTTON4_PRESSED;
#ifdef BUTTON5_PRESSED
    wanted |= BUTTON5_PRESSED;
#endif
    return mousemask(wanted, NULL) != 0;
}

static inline void dispatch_mouse_off(void) { mousemask(0, NULL); }

/// The pending mouse event: 1 left press, 2 wheel up, 3 wheel down, 0 anything else, ERR none.
static inline int dispatch_read_mouse(int *x, int *y) {
    MEVENT event;
    if (getmouse(&event) != OK) {
        return ERR;
    }
    *x = event.x;
    *y = event.y;
    if (event.bstate & BUTTON1_PRESSED) return 1;
    if (event.bstate & BUTTON4_PRESSED) return 2;
#ifdef BUTTON5_PRESSED
    if (event.bstate & BUTTON5_PRESSED) return 3;
#endif
    return 0;
}

/// The codeset of the current locale ("UTF-8", "ANSI_X3.4-1968", ...).
static inline const char *dispatch_codeset(void) { return nl_langinfo(CODESET); }

#endif
