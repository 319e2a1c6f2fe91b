#ifndef STARFLEET_CNCURSESW_SHIM_H
#define STARFLEET_CNCURSESW_SHIM_H
// Wide-character declarations are only visible with this defined before curses.h.
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <ncursesw/curses.h>
#endif
