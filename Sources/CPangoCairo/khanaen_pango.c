#include "khanaen_pango.h"
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

static KhanaenPango table;
static char failure[512];
static int opened;
static pthread_once_t once = PTHREAD_ONCE_INIT;

// libpangocairo's dependencies are libpango, libcairo and libgobject: dlsym on its handle
// searches them too.
static void open_libraries(void) {
    void *h = dlopen("libpangocairo-1.0.so.0", RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        snprintf(failure, sizeof failure, "Pango and Cairo are not installed (%s); scripts/setup.sh installs them", dlerror());
        return;
    }
#define KH_SYM(name)                                                                         \
    do {                                                                                     \
        void *p = dlsym(h, #name);                                                           \
        if (!p) {                                                                            \
            snprintf(failure, sizeof failure, "libpangocairo has no %s: Pango 1.50 and Cairo 1.16 or later are needed", #name); \
            return;                                                                          \
        }                                                                                    \
        memcpy(&table.name, &p, sizeof p);                                                   \
    } while (0)
    KH_SYM(cairo_pdf_surface_create);
    KH_SYM(cairo_pdf_surface_set_size);
    KH_SYM(cairo_pdf_surface_set_metadata);
    KH_SYM(cairo_surface_status);
    KH_SYM(cairo_surface_finish);
    KH_SYM(cairo_surface_destroy);
    KH_SYM(cairo_status_to_string);
    KH_SYM(cairo_create);
    KH_SYM(cairo_status);
    KH_SYM(cairo_destroy);
    KH_SYM(cairo_show_page);
    KH_SYM(cairo_save);
    KH_SYM(cairo_restore);
    KH_SYM(cairo_move_to);
    KH_SYM(cairo_line_to);
    KH_SYM(cairo_rectangle);
    KH_SYM(cairo_stroke);
    KH_SYM(cairo_fill);
    KH_SYM(cairo_set_source_rgb);
    KH_SYM(cairo_set_line_width);
    KH_SYM(cairo_translate);
    KH_SYM(cairo_rotate);
    KH_SYM(pango_cairo_create_layout);
    KH_SYM(pango_cairo_show_layout);
    KH_SYM(pango_layout_set_text);
    KH_SYM(pango_layout_set_width);
    KH_SYM(pango_layout_set_wrap);
    KH_SYM(pango_layout_set_alignment);
    KH_SYM(pango_layout_set_font_description);
    KH_SYM(pango_layout_get_size);
    KH_SYM(pango_layout_get_unknown_glyphs_count);
    KH_SYM(pango_font_description_from_string);
    KH_SYM(pango_font_description_free);
    KH_SYM(pango_layout_get_context);
    KH_SYM(pango_context_load_font);
    KH_SYM(pango_font_describe);
    KH_SYM(pango_font_description_get_family);
    KH_SYM(g_object_unref);
#undef KH_SYM
    opened = 1;
}

const KhanaenPango *khanaen_pango_open(char *error, size_t capacity) {
    pthread_once(&once, open_libraries);
    if (opened) return &table;
    if (error && capacity) snprintf(error, capacity, "%s", failure);
    return NULL;
}
