// A minimal WebGL 1 renderer for ImGui draw data. Unlike ImGui's OpenGL3 backend it never reads GL
// state back (each glGet stalls a software rasteriser for milliseconds): the widget owns its context,
// so it sets what it needs every frame. It honours ImGui's texture requests (RendererHasTextures): the
// glyph atlas is created, grown and updated in place, as 8-bit alpha (a quarter of RGBA), uploading
// only the rows that changed. Other textures (the web glyph source's shaped runs) are RGBA.
#pragma once
#include <GLES2/gl2.h>
#include <vector>

struct ImDrawData;
struct ImFontAtlas;
struct ImTextureData;

namespace aw {

// A texture with linear filtering and edges clamped, `format` GL_ALPHA or GL_RGBA, filled from `pixels`
// (or left undefined when null). It stays bound.
GLuint MakeTexture(GLenum format, int width, int height, const void* pixels);

// One renderer per GL context, for every ImGui context that draws with it: the textures of a font atlas
// the contexts share are created and updated once, by whichever frame first lists them.
class WebGlRenderer {
public:
    bool Init();                        // shaders and buffers; false if the shaders do not compile
    void Shutdown(ImFontAtlas* atlas);  // deletes what Init made and the atlas's textures
    void Forget(ImFontAtlas* atlas);    // after a lost context: the handles are gone; the atlas's textures are made again
    void Render(const ImDrawData* data, int framebufferWidth, int framebufferHeight);

private:
    void UpdateTexture(ImTextureData* tex);

    GLuint program_ = 0, vertexBuffer_ = 0, indexBuffer_ = 0;
    GLint  projection_ = -1, sampler_ = -1, alphaOnly_ = -1;
    GLint  position_ = -1, uv_ = -1, color_ = -1;
    std::vector<GLuint> alphaTextures_;   // the ImGui textures held as GL_ALPHA
    std::vector<unsigned char> scratch_;  // rows of a changed rectangle, packed for upload
};

} // namespace aw
