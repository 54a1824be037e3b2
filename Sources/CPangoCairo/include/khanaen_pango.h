#ifndef KHANAEN_PANGO_H
#define KHANAEN_PANGO_H
// Pango and Cairo for Khanaen's printing, opened on first use (dlopen) rather than linked, so
// that the workstation neither links nor loads them (docs/printing.md). The declarations are
// the libraries' own (Pango 1.50, Cairo 1.16) with their types opaque and their enums as int;
// the struct tags are theirs, so the real headers may be included beside this one.
#include <stddef.h>

typedef struct _cairo cairo_t;
typedef struct _cairo_surface cairo_surface_t;
typedef struct _PangoLayout PangoLayout;
typedef struct _PangoFontDescription PangoFontDescription;
typedef struct _PangoContext PangoContext;
typedef struct _PangoFont PangoFont;

typedef struct {
    cairo_surface_t *(*cairo_pdf_surface_create)(const char *filename, double width, double height);
    void (*cairo_pdf_surface_set_size)(cairo_surface_t *surface, double width, double height);
    void (*cairo_pdf_surface_set_metadata)(cairo_surface_t *surface, int metadata, const char *utf8);
    int (*cairo_surface_status)(cairo_surface_t *surface);
    void (*cairo_surface_finish)(cairo_surface_t *surface);
    void (*cairo_surface_destroy)(cairo_surface_t *surface);
    const char *(*cairo_status_to_string)(int status);
    cairo_t *(*cairo_create)(cairo_surface_t *target);
    int (*cairo_status)(cairo_t *cr);
    void (*cairo_destroy)(cairo_t *cr);
    void (*cairo_show_page)(cairo_t *cr);
    void (*cairo_save)(cairo_t *cr);
    void (*cairo_restore)(cairo_t *cr);
    void (*cairo_move_to)(cairo_t *cr, double x, double y);
    void (*cairo_line_to)(cairo_t *cr, double x, double y);
    void (*cairo_rectangle)(cairo_t *cr, double x, double y, double width, double height);
    void (*cairo_stroke)(cairo_t *cr);
    void (*cairo_fill)(cairo_t *cr);
    void (*cairo_set_source_rgb)(cairo_t *cr, double red, double green, double blue);
    void (*cairo_set_line_width)(cairo_t *cr, double width);
    void (*cairo_translate)(cairo_t *cr, double tx, double ty);
    void (*cairo_rotate)(cairo_t *cr, double angle);

    PangoLayout *(*pango_cairo_create_layout)(cairo_t *cr);
    void (*pango_cairo_show_layout)(cairo_t *cr, PangoLayout *layout);
    void (*pango_layout_set_text)(PangoLayout *layout, const char *text, int length);
    void (*pango_layout_set_width)(PangoLayout *layout, int width);
    void (*pango_layout_set_wrap)(PangoLayout *layout, int wrap);
    void (*pango_layout_set_alignment)(PangoLayout *layout, int alignment);
    void (*pango_layout_set_font_description)(PangoLayout *layout, const PangoFontDescription *desc);
    void (*pango_layout_get_size)(PangoLayout *layout, int *width, int *height);
    int (*pango_layout_get_unknown_glyphs_count)(PangoLayout *layout);
    PangoFontDescription *(*pango_font_description_from_string)(const char *str);
    void (*pango_font_description_free)(PangoFontDescription *desc);
    PangoContext *(*pango_layout_get_context)(PangoLayout *layout);
    PangoFont *(*pango_context_load_font)(PangoContext *context, const PangoFontDescription *desc);
    PangoFontDescription *(*pango_font_describe)(PangoFont *font);
    const char *(*pango_font_description_get_family)(const PangoFontDescription *desc);
    void (*g_object_unref)(void *object);
} KhanaenPango;

/// The functions, or NULL with the reason in `error` (the libraries are missing).
const KhanaenPango *khanaen_pango_open(char *error, size_t capacity);

#endif
