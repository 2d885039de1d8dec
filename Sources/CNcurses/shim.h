/*
 * shim.h — the only C in ragtop.
 *
 * The target takes no flags from pkg-config (SwiftPM would refuse its -D_XOPEN_SOURCE=600 /
 * -D_DEFAULT_SOURCE as "prohibited flags" and warn), so the wide-character API (cchar_t,
 * setcchar, add_wch, get_wch) is switched on here: these two, defined before curses.h.
 *
 * Everything Swift cannot import (macros built with casts or function-like macros, and C globals
 * that Swift 6 rejects as shared mutable state) is wrapped in a static inline function here.
 * Header-only on purpose: a systemLibrary target compiles no C. No static variables either —
 * each Swift object file would get its own copy.
 */
#ifndef RAGTOP_CNCURSES_SHIM_H
#define RAGTOP_CNCURSES_SHIM_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>
#include <wchar.h>
#include <termios.h>
#include <ncursesw/curses.h>

/* ---- globals ---------------------------------------------------------------------------- */
static inline WINDOW *shim_stdscr(void) { return stdscr; }
static inline WINDOW *shim_curscr(void) { return curscr; }
static inline int shim_COLORS(void) { return COLORS; }
static inline int shim_COLOR_PAIRS(void) { return COLOR_PAIRS; }
static inline int shim_LINES(void) { return LINES; }
static inline int shim_COLS(void) { return COLS; }
static inline int shim_getmaxy(WINDOW *w) { return getmaxy(w); }
static inline int shim_getmaxx(WINDOW *w) { return getmaxx(w); }

/* ---- attributes ------------------------------------------------------------------------- */
static inline attr_t shim_A_NORMAL(void) { return A_NORMAL; }
static inline attr_t shim_A_BOLD(void) { return A_BOLD; }
static inline attr_t shim_A_UNDERLINE(void) { return A_UNDERLINE; }
static inline attr_t shim_A_REVERSE(void) { return A_REVERSE; }
static inline attr_t shim_A_DIM(void) { return A_DIM; }
static inline attr_t shim_A_ITALIC(void) { return A_ITALIC; }
static inline attr_t shim_COLOR_PAIR(int n) { return (attr_t)COLOR_PAIR(n); }

/* ---- mouse ------------------------------------------------------------------------------ */
static inline mmask_t shim_ALL_MOUSE_EVENTS(void) { return ALL_MOUSE_EVENTS; }
static inline mmask_t shim_REPORT_MOUSE_POSITION(void) { return REPORT_MOUSE_POSITION; }
static inline mmask_t shim_BUTTON1_PRESSED(void) { return BUTTON1_PRESSED; }
static inline mmask_t shim_BUTTON1_RELEASED(void) { return BUTTON1_RELEASED; }
static inline mmask_t shim_BUTTON1_CLICKED(void) { return BUTTON1_CLICKED; }
static inline mmask_t shim_BUTTON4_PRESSED(void) { return BUTTON4_PRESSED; }
static inline mmask_t shim_BUTTON5_PRESSED(void) { return BUTTON5_PRESSED; }

/* ---- keys ------------------------------------------------------------------------------- */
static inline int shim_KEY_CODE_YES(void) { return KEY_CODE_YES; }
static inline int shim_KEY_F(int n) { return KEY_F(n); }
static inline int shim_KEY_F0(void) { return KEY_F0; }
static inline int shim_KEY_UP(void) { return KEY_UP; }
static inline int shim_KEY_DOWN(void) { return KEY_DOWN; }
static inline int shim_KEY_LEFT(void) { return KEY_LEFT; }
static inline int shim_KEY_RIGHT(void) { return KEY_RIGHT; }
static inline int shim_KEY_HOME(void) { return KEY_HOME; }
static inline int shim_KEY_END(void) { return KEY_END; }
static inline int shim_KEY_PPAGE(void) { return KEY_PPAGE; }
static inline int shim_KEY_NPAGE(void) { return KEY_NPAGE; }
static inline int shim_KEY_ENTER(void) { return KEY_ENTER; }
static inline int shim_KEY_BACKSPACE(void) { return KEY_BACKSPACE; }
static inline int shim_KEY_BTAB(void) { return KEY_BTAB; }
static inline int shim_KEY_RESIZE(void) { return KEY_RESIZE; }
static inline int shim_KEY_MOUSE(void) { return KEY_MOUSE; }
static inline int shim_KEY_DC(void) { return KEY_DC; }
static inline int shim_KEY_A1(void) { return KEY_A1; }
static inline int shim_KEY_A3(void) { return KEY_A3; }
static inline int shim_KEY_C1(void) { return KEY_C1; }
static inline int shim_KEY_C3(void) { return KEY_C3; }

/* ---- wide characters -------------------------------------------------------------------- */
/* Writes one cell (a spacing character plus up to CCHARW_MAX-1 combining marks, NUL-terminated)
 * at (y, x) with attributes and an (extended) colour pair. Returns ERR at the bottom-right
 * corner even though the character is drawn; callers ignore that. */
static inline int shim_mvadd_cell(int y, int x, const wchar_t *wstr, attr_t attrs, int pair) {
    cchar_t cc;
    short shortPair = (pair >= 0 && pair <= 32767) ? (short)pair : 0;
    if (setcchar(&cc, wstr, attrs, shortPair, (void *)&pair) == ERR) return ERR;
    return mvwadd_wch(stdscr, y, x, &cc);
}

static inline int shim_CCHARW_MAX(void) { return CCHARW_MAX; }

#endif /* RAGTOP_CNCURSES_SHIM_H */
