// A minimal WebGL 1 renderer for ImGui draw data. Unlike ImGui's OpenGL3 backend it never reads GL
// state back (each glGet stalls a software rasteriser for milliseconds): the widget owns its context,
// so it sets what it needs every frame. The font atlas is uploaded as 8-bit alpha (a quarter of RGBA).
#pragma once
#include <GLES2/gl2.h>

struct ImDrawData;

namespace aw {

class WebGlRenderer {
public:
    bool Init();              // shaders and buffers; false if the shaders do not compile
    void Shutdown();          // deletes what Init and UploadFontAtlas made
    void Forget();            // after a lost context: the handles are gone, do not delete them
    void UploadFontAtlas();   // ImGui's atlas as a GL_ALPHA texture; sets the atlas's texture id
    void Render(const ImDrawData* data, int framebufferWidth, int framebufferHeight);

private:
    GLuint program_ = 0, vertexBuffer_ = 0, indexBuffer_ = 0, fontTexture_ = 0;
    GLint  projection_ = -1, sampler_ = -1;
    GLint  position_ = -1, uv_ = -1, color_ = -1;
};

} // namespace aw
