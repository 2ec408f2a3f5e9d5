// A minimal WebGL 1 renderer for ImGui draw data, shared by every widget of the page: no GL state is read back, ever.
#include "web_renderer.h"

#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <imgui.h>

namespace aw {

namespace {

const char* kVertexShader =
    "uniform mat4 u_projection;\n"
    "attribute vec2 a_position;\n"
    "attribute vec2 a_uv;\n"
    "attribute vec4 a_color;\n"
    "varying vec2 v_uv;\n"
    "varying vec4 v_color;\n"
    "void main() {\n"
    "  v_uv = a_uv;\n"
    "  v_color = a_color;\n"
    "  gl_Position = u_projection * vec4(a_position, 0.0, 1.0);\n"
    "}\n";

// An alpha texture (the glyph atlas: coverage, with full coverage where ImGui fills shapes) tints the
// vertex colour; an RGBA one (shaped runs, emoji in colour) multiplies it.
const char* kFragmentShader =
    "precision mediump float;\n"
    "uniform sampler2D u_atlas;\n"
    "uniform float u_alphaOnly;\n"
    "varying vec2 v_uv;\n"
    "varying vec4 v_color;\n"
    "void main() {\n"
    "  vec4 t = texture2D(u_atlas, v_uv);\n"
    "  gl_FragColor = mix(v_color * t, vec4(v_color.rgb, v_color.a * t.a), u_alphaOnly);\n"
    "}\n";

GLuint Compile(GLenum type, const char* source) {
    const GLuint shader = glCreateShader(type);
    glShaderSource(shader, 1, &source, nullptr);
    glCompileShader(shader);
    GLint ok = 0;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        char log[512] = {};
        glGetShaderInfoLog(shader, sizeof log, nullptr, log);
        std::fprintf(stderr, "article-widget: shader: %s\n", log);
        glDeleteShader(shader);
        return 0;
    }
    return shader;
}

} // namespace

GLuint MakeTexture(GLenum format, int width, int height, const void* pixels) {
    GLuint id = 0;
    glGenTextures(1, &id);
    glBindTexture(GL_TEXTURE_2D, id);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, format, width, height, 0, format, GL_UNSIGNED_BYTE, pixels);
    return id;
}

bool WebGlRenderer::Init() {
    const GLuint vs = Compile(GL_VERTEX_SHADER, kVertexShader), fs = Compile(GL_FRAGMENT_SHADER, kFragmentShader);
    if (!vs || !fs) return false;
    program_ = glCreateProgram();
    glAttachShader(program_, vs);
    glAttachShader(program_, fs);
    glLinkProgram(program_);
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint linked = 0;
    glGetProgramiv(program_, GL_LINK_STATUS, &linked);
    if (!linked) return false;
    projection_ = glGetUniformLocation(program_, "u_projection");
    sampler_ = glGetUniformLocation(program_, "u_atlas");
    alphaOnly_ = glGetUniformLocation(program_, "u_alphaOnly");
    position_ = glGetAttribLocation(program_, "a_position");
    uv_ = glGetAttribLocation(program_, "a_uv");
    color_ = glGetAttribLocation(program_, "a_color");
    glGenBuffers(1, &vertexBuffer_);
    glGenBuffers(1, &indexBuffer_);
    return true;
}

void WebGlRenderer::Shutdown(ImFontAtlas* atlas) {
    for (ImTextureData* tex : atlas->TexList) {
        const GLuint id = static_cast<GLuint>(tex->TexID);
        if (id) glDeleteTextures(1, &id);
    }
    if (vertexBuffer_) glDeleteBuffers(1, &vertexBuffer_);
    if (indexBuffer_) glDeleteBuffers(1, &indexBuffer_);
    if (program_) glDeleteProgram(program_);
    Forget(atlas);
}

void WebGlRenderer::Forget(ImFontAtlas* atlas) {
    program_ = vertexBuffer_ = indexBuffer_ = 0;
    alphaTextures_.clear();
    // ImGui keeps every texture's pixels: marked destroyed, they are created again from them.
    for (ImTextureData* tex : atlas->TexList) {
        if (tex->Status == ImTextureStatus_Destroyed) continue;
        tex->SetTexID(ImTextureID_Invalid);
        tex->BackendUserData = nullptr;
        tex->SetStatus(ImTextureStatus_Destroyed);
    }
}

void WebGlRenderer::UpdateTexture(ImTextureData* tex) {
    const bool alpha = tex->Format == ImTextureFormat_Alpha8;
    const GLenum format = alpha ? GL_ALPHA : GL_RGBA;
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    if (tex->Status == ImTextureStatus_WantCreate) {
        const GLuint id = MakeTexture(format, tex->Width, tex->Height, tex->GetPixels());
        if (alpha) alphaTextures_.push_back(id);
        tex->SetTexID(static_cast<ImTextureID>(id));
        tex->SetStatus(ImTextureStatus_OK);
    } else if (tex->Status == ImTextureStatus_WantUpdates) {
        // Only what changed. WebGL 1 has no UNPACK_ROW_LENGTH: a few rectangles are packed row by row;
        // many (a frame's worth of new glyphs) go up as one band of whole rows.
        glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(tex->TexID));
        const int bpp = tex->BytesPerPixel;
        if (tex->Updates.Size > 8) {
            const ImTextureRect& r = tex->UpdateRect;
            glTexSubImage2D(GL_TEXTURE_2D, 0, 0, r.y, tex->Width, r.h, format, GL_UNSIGNED_BYTE, tex->GetPixelsAt(0, r.y));
        } else {
            for (const ImTextureRect& r : tex->Updates) {
                scratch_.resize(static_cast<size_t>(r.w) * r.h * static_cast<size_t>(bpp));
                for (int y = 0; y < r.h; ++y)
                    std::memcpy(&scratch_[static_cast<size_t>(y) * r.w * static_cast<size_t>(bpp)], tex->GetPixelsAt(r.x, r.y + y),
                                static_cast<size_t>(r.w) * static_cast<size_t>(bpp));
                glTexSubImage2D(GL_TEXTURE_2D, 0, r.x, r.y, r.w, r.h, format, GL_UNSIGNED_BYTE, scratch_.data());
            }
        }
        tex->SetStatus(ImTextureStatus_OK);
    } else if (tex->Status == ImTextureStatus_WantDestroy && tex->UnusedFrames > 0) {
        const GLuint id = static_cast<GLuint>(tex->TexID);
        glDeleteTextures(1, &id);
        alphaTextures_.erase(std::remove(alphaTextures_.begin(), alphaTextures_.end(), id), alphaTextures_.end());
        tex->SetTexID(ImTextureID_Invalid);
        tex->SetStatus(ImTextureStatus_Destroyed);
    }
}

void WebGlRenderer::Render(const ImDrawData* data, int fbWidth, int fbHeight) {
    glViewport(0, 0, fbWidth, fbHeight);
    if (!data || !program_) return;
    if (data->Textures)
        for (ImTextureData* tex : *data->Textures)
            if (tex->Status != ImTextureStatus_OK) UpdateTexture(tex);
    if (data->CmdListsCount == 0) return;
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glEnable(GL_SCISSOR_TEST);
    glUseProgram(program_);
    const float l = data->DisplayPos.x, r = l + data->DisplaySize.x, t = data->DisplayPos.y, b = t + data->DisplaySize.y;
    const float projection[16] = {2.0f / (r - l), 0, 0, 0, 0, 2.0f / (t - b), 0, 0, 0, 0, -1, 0, (r + l) / (l - r), (t + b) / (b - t), 0, 1};
    glUniformMatrix4fv(projection_, 1, GL_FALSE, projection);
    glUniform1i(sampler_, 0);
    glActiveTexture(GL_TEXTURE0);
    glBindBuffer(GL_ARRAY_BUFFER, vertexBuffer_);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, indexBuffer_);
    glEnableVertexAttribArray(static_cast<GLuint>(position_));
    glEnableVertexAttribArray(static_cast<GLuint>(uv_));
    glEnableVertexAttribArray(static_cast<GLuint>(color_));
    const ImVec2 scale = data->FramebufferScale;
    GLuint bound = 0;
    for (int n = 0; n < data->CmdListsCount; ++n) {
        const ImDrawList* list = data->CmdLists[n];
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(list->VtxBuffer.Size * sizeof(ImDrawVert)), list->VtxBuffer.Data, GL_STREAM_DRAW);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(list->IdxBuffer.Size * sizeof(ImDrawIdx)), list->IdxBuffer.Data, GL_STREAM_DRAW);
        glVertexAttribPointer(static_cast<GLuint>(position_), 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), reinterpret_cast<void*>(offsetof(ImDrawVert, pos)));
        glVertexAttribPointer(static_cast<GLuint>(uv_), 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), reinterpret_cast<void*>(offsetof(ImDrawVert, uv)));
        glVertexAttribPointer(static_cast<GLuint>(color_), 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(ImDrawVert), reinterpret_cast<void*>(offsetof(ImDrawVert, col)));
        for (int c = 0; c < list->CmdBuffer.Size; ++c) {
            const ImDrawCmd& cmd = list->CmdBuffer[c];
            if (cmd.UserCallback) continue;   // the widget adds none
            const float x0 = (cmd.ClipRect.x - l) * scale.x, y0 = (cmd.ClipRect.y - t) * scale.y;
            const float x1 = (cmd.ClipRect.z - l) * scale.x, y1 = (cmd.ClipRect.w - t) * scale.y;
            if (x1 <= x0 || y1 <= y0) continue;
            glScissor(static_cast<GLint>(x0), static_cast<GLint>(static_cast<float>(fbHeight) - y1), static_cast<GLsizei>(x1 - x0),
                      static_cast<GLsizei>(y1 - y0));
            const GLuint texture = static_cast<GLuint>(cmd.GetTexID());
            if (texture != bound) {
                bound = texture;
                glBindTexture(GL_TEXTURE_2D, texture);
                const bool alpha = std::find(alphaTextures_.begin(), alphaTextures_.end(), texture) != alphaTextures_.end();
                glUniform1f(alphaOnly_, alpha ? 1.0f : 0.0f);
            }
            glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount), sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT,
                           reinterpret_cast<void*>(static_cast<intptr_t>(cmd.IdxOffset * sizeof(ImDrawIdx))));
        }
    }
}

} // namespace aw
