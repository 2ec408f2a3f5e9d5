// The reference for the conformance test: cmark-gfm's own HTML renderer over the tree the widget parses
// (aw::ParseGfmTree), with the widget's rules applied to that tree: raw HTML left out, links with a
// refused scheme and images with a refused source as spans. Reads Markdown on stdin, writes HTML.
#include <cmark-gfm.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include "core/markdown.h"
#include "core/url.h"

namespace {

// Replaces `node` by a custom inline that writes `open` and `close` around its children.
void WrapAsSpan(cmark_node* node, const char* open, const char* close) {
    cmark_node* span = cmark_node_new(CMARK_NODE_CUSTOM_INLINE);
    cmark_node_set_on_enter(span, open);
    cmark_node_set_on_exit(span, close);
    while (cmark_node* child = cmark_node_first_child(node)) cmark_node_append_child(span, child);
    cmark_node_replace(node, span);
    cmark_node_free(node);
}

} // namespace

int main() {
    const std::string markdown((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    cmark_node* root = aw::ParseGfmTree(markdown);
    if (!root) return 1;
    std::vector<cmark_node*> html, links, images;
    cmark_iter* it = cmark_iter_new(root);
    for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
        if (ev != CMARK_EVENT_ENTER) continue;
        cmark_node* n = cmark_iter_get_node(it);
        const cmark_node_type type = cmark_node_get_type(n);
        if (type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE) html.push_back(n);
        if (type == CMARK_NODE_LINK && aw::ClassifyLink(cmark_node_get_url(n)) == aw::LinkTarget::Blocked) links.push_back(n);
        if (type == CMARK_NODE_IMAGE && !aw::IsAllowedImageSource(cmark_node_get_url(n))) images.push_back(n);
    }
    cmark_iter_free(it);
    for (cmark_node* n : html) { cmark_node_unlink(n); cmark_node_free(n); }
    for (cmark_node* n : links) WrapAsSpan(n, "<span class=\"aw-blocked-link\">", "</span>");
    for (cmark_node* n : images) WrapAsSpan(n, "<span class=\"aw-image-alt\">", "</span>");
    char* out = cmark_render_html(root, CMARK_OPT_DEFAULT, nullptr);
    std::fputs(out, stdout);
    std::free(out);
    cmark_node_free(root);
    return 0;
}
