using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace Orchestrator.Server.Uploads;

/// <summary>
/// Reads a posted manuscript: the raw body (<c>text/plain</c>, <c>text/markdown</c>, a .docx content type; named by
/// the query's <c>name</c>, else "manuscript") or the
/// <c>file</c> part of a multipart form. Never more than the upload limit is read (413 past it), and nothing is
/// written: validation and storage come after.
/// </summary>
public static class UploadReader
{
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static readonly Dictionary<string, string> ExtensionOfType = new(StringComparer.OrdinalIgnoreCase)
    {
        ["text/plain"] = ".txt",
        ["text/markdown"] = ".md",
        ["text/x-markdown"] = ".md",
        [DocxContentType] = ".docx",
    };

    /// <summary>The manuscript and the form fields that came with it (empty for a raw body).</summary>
    /// <exception cref="UploadException">Too large (413), of an unknown type (415), or without a file (400).</exception>
    public static async Task<(Upload Upload, IFormCollection? Form)> ReadAsync(HttpRequest request, long maxBytes, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes) throw TooLarge(maxBytes);
        var contentType = request.ContentType ?? "";
        if (request.HasFormContentType)
        {
            var limits = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
            if (limits is { IsReadOnly: false }) limits.MaxRequestBodySize = maxBytes + 64 * 1024;
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = maxBytes }, ct);
            }
            catch (InvalidDataException ex) when (ex.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
            {
                throw TooLarge(maxBytes);
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException && ex is not OperationCanceledException)
            {
                throw new UploadException(StatusCodes.Status400BadRequest, $"the multipart form could not be read: {ex.Message}");
            }
            var file = form.Files.GetFile("file")
                ?? throw new UploadException(StatusCodes.Status400BadRequest, "the form has no 'file' part holding the manuscript");
            var name = SafeName(file.FileName, file.ContentType);
            using var buffer = new MemoryStream((int)Math.Min(file.Length, maxBytes));
            await file.CopyToAsync(buffer, ct);
            return (new Upload(name, buffer.ToArray()), form);
        }

        var mediaType = MediaTypeHeaderValue.TryParse(contentType, out var parsed) ? parsed.MediaType.ToString() : contentType;
        if (!ExtensionOfType.TryGetValue(mediaType, out var extension))
            throw UnsupportedType(mediaType);
        var bytes = await ReadBoundedAsync(request.Body, maxBytes, ct);
        // A raw body has no file name of its own: `name` in the query gives it one (as on a cluster's endpoint).
        var given = request.Query["name"].ToString();
        return (new Upload(given.Length > 0 ? SafeName(given, mediaType) : "manuscript" + extension, bytes), null);
    }

    private static UploadException UnsupportedType(string mediaType) =>
        new(StatusCodes.Status415UnsupportedMediaType,
            $"content type '{(mediaType.Length == 0 ? "(none)" : mediaType)}' is not a manuscript: post text/plain, text/markdown, " +
            $"{DocxContentType}, or multipart/form-data with a 'file' part");

    private static UploadException TooLarge(long maxBytes) =>
        new(StatusCodes.Status413PayloadTooLarge, $"the upload is larger than the limit of {maxBytes / (1024 * 1024.0):0.#} MB (--max-upload-mb)");

    /// <summary>The part's own file name without any folder; its extension, else its content type, picks the format.</summary>
    private static string SafeName(string? fileName, string? contentType)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/'));
        name = new string(name.Where(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or ' ').ToArray()).Trim().TrimStart('.');
        if (name.Length > 100) name = name[^100..];
        if (Path.GetExtension(name).Length > 0) return name;
        var mediaType = MediaTypeHeaderValue.TryParse(contentType, out var parsed) ? parsed.MediaType.ToString() : "";
        if (!ExtensionOfType.TryGetValue(mediaType, out var extension)) throw UnsupportedType(mediaType);
        return (name.Length == 0 ? "manuscript" : name) + extension;
    }

    private static async Task<byte[]> ReadBoundedAsync(Stream body, long maxBytes, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes) throw TooLarge(maxBytes);
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
