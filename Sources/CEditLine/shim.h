/*
 * CEditLine: the parts of libedit (BSD editline) that nnlab's LibEditLine module calls.
 *
 * el_set, el_get and history are C variadics, which Swift cannot call, and Swift 6 will not touch
 * C globals such as stdin. Each use is therefore wrapped here in a small static inline function
 * with a fixed signature. Nothing else belongs in this header: no logic, only the seam.
 */
#ifndef NNLAB_CEDITLINE_SHIM_H
#define NNLAB_CEDITLINE_SHIM_H

#include <stdio.h>
#include <string.h>
#include <signal.h>
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <histedit.h>

/* The callback shapes libedit expects (histedit.h only describes them in comments). */
typedef char *(*nn_el_prompt_fn)(EditLine *);
typedef unsigned char (*nn_el_command_fn)(EditLine *, int);
typedef int (*nn_el_read_fn)(EditLine *, wchar_t *);

/* Standard streams, which Swift 6 refuses to read as C globals. */
static inline FILE *nn_stdin(void) { return stdin; }
static inline FILE *nn_stdout(void) { return stdout; }
static inline FILE *nn_stderr(void) { return stderr; }

/* "UTF-8" when the current LC_CTYPE locale is a UTF-8 one. */
static inline const char *nn_codeset(void) { return nl_langinfo(CODESET); }

/* ---- el_set / el_get ------------------------------------------------------------------ */

static inline int nn_el_set_editor(EditLine *el, const char *mode) {
    return el_set(el, EL_EDITOR, mode);
}

static inline int nn_el_set_signal(EditLine *el, int handle) {
    return el_set(el, EL_SIGNAL, handle);
}

/* The prompt function; characters between two `invisible` delimiters are escape sequences
   that take no columns (colours). */
static inline int nn_el_set_prompt(EditLine *el, nn_el_prompt_fn prompt, char invisible) {
    return el_set(el, EL_PROMPT_ESC, prompt, invisible);
}

static inline int nn_el_set_clientdata(EditLine *el, void *data) {
    return el_set(el, EL_CLIENTDATA, data);
}

static inline void *nn_el_get_clientdata(EditLine *el) {
    void *data = NULL;
    if (el_get(el, EL_CLIENTDATA, &data) != 0) return NULL;
    return data;
}

static inline int nn_el_set_history(EditLine *el, History *h) {
    return el_set(el, EL_HIST, history, h);
}

static inline int nn_el_add_function(EditLine *el, const char *name, const char *help, nn_el_command_fn fn) {
    return el_set(el, EL_ADDFN, name, help, fn);
}

static inline int nn_el_bind(EditLine *el, const char *keys, const char *command) {
    return el_set(el, EL_BIND, keys, command, (const char *)NULL);
}

/* The stream libedit draws on (fd 1 of el_init's three streams). */
static inline FILE *nn_el_output(EditLine *el) {
    FILE *out = NULL;
    if (el_get(el, EL_GETFP, 1, &out) != 0) return NULL;
    return out;
}

/* Switches the terminal to libedit's raw editing mode (1) or back to cooked mode (0). */
static inline int nn_el_prepare_terminal(EditLine *el, int editing) {
    return el_set(el, EL_PREP_TERM, editing);
}

/* Replaces libedit's keystroke reader (el_wgetc still serves macros and sets raw mode first). */
static inline int nn_el_set_reader(EditLine *el, nn_el_read_fn reader) {
    return el_set(el, EL_GETCFN, reader);
}

/* ---- multibyte input ------------------------------------------------------------------- */

/* Feeds one input byte to the locale's decoder. Returns 1 and sets *out when a character is
   complete, 0 when more bytes are needed, -1 for an invalid sequence (the state is reset). */
static inline int nn_decode_byte(unsigned char byte, mbstate_t *state, wchar_t *out) {
    char c = (char)byte;
    size_t used = mbrtowc(out, &c, 1, state);
    if (used == (size_t)-2) return 0;
    if (used == (size_t)-1) { memset(state, 0, sizeof *state); return -1; }
    return 1;
}

/* ---- history ------------------------------------------------------------------------- */

static inline int nn_history_set_size(History *h, int size) {
    HistEvent event;
    return history(h, &event, H_SETSIZE, size);
}

static inline int nn_history_enter(History *h, const char *line) {
    HistEvent event;
    return history(h, &event, H_ENTER, line);
}

static inline int nn_history_clear(History *h) {
    HistEvent event;
    return history(h, &event, H_CLEAR);
}

#endif
