using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using Orchestrator.Server.Uploads;

namespace Orchestrator.Server.Batches;

/// <summary>
/// Reads a posted batch into a staging folder laid out as <c>orchestrator batch</c> expects: several manuscript files
/// (multipart parts named <c>file</c> or <c>files</c>), each written under its own name; or one .zip of a folder (a
/// multipart part, or the raw body as <c>application/zip</c>), unpacked by <see cref="BatchArchive"/>. Never more than
/// the upload limit is read (413 past it). The caller owns the folder and deletes it when this throws.
/// </summary>
public static class BatchUploadReader
{
    public const string ZipContentType = "application/zip";

    /// <summary>The posted form's fields (null for a raw body) and the name the batch goes by (the .zip's, without extension).</summary>
    /// <exception cref="UploadException">Too large (413), an unknown type (415), no file, a bad name or archive (400).</exception>
    public static async Task<(IFormCollection? Form, string Name)> ReadAsync(HttpRequest request, long maxBytes, string folder, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes) throw TooLarge(maxBytes);
        if (!request.HasFormContentType)
        {
            var mediaType = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.ToString() : request.ContentType ?? "";
            if (!IsZipType(mediaType))
                throw new UploadException(StatusCodes.Status415UnsupportedMediaType,
                    $"content type '{(mediaType.Length == 0 ? "(none)" : mediaType)}' is not a batch: post {ZipContentType}, or multipart/form-data with 'file' parts (manuscripts, or one .zip)");
            var zip = await ReadBoundedAsync(request.Body, maxBytes, ct);
            BatchArchive.Extract(zip, folder, BatchArchive.MaxUnpackedBytes(maxBytes));
            return (null, "upload");
        }

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
        var files = form.Files.Where(f => f.Name is "file" or "files").ToArray();
        if (files.Length == 0)
            throw new UploadException(StatusCodes.Status400BadRequest, "the form has no 'file' part: send the manuscripts, or one .zip of a folder");
        if (files.Sum(f => f.Length) > maxBytes) throw TooLarge(maxBytes);

        var zips = files.Where(IsZip).ToArray();
        if (zips.Length > 0)
        {
            if (files.Length > 1)
                throw new UploadException(StatusCodes.Status400BadRequest,
                    $"'{zips[0].FileName}' is a .zip: send it alone, or send the manuscripts themselves (not both, nor several archives)");
            await using var zip = zips[0].OpenReadStream();
            // A seekable copy: ZipArchive reads the central directory at the end first.
            using var copy = new MemoryStream((int)zips[0].Length);
            await zip.CopyToAsync(copy, ct);
            copy.Position = 0;
            BatchArchive.Extract(copy, folder, BatchArchive.MaxUnpackedBytes(maxBytes));
            var name = Path.GetFileNameWithoutExtension(Path.GetFileName(zips[0].FileName.Replace('\\', '/')));
            return (form, name.Length == 0 ? "upload" : name);
        }

        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in files)
        {
            var name = Path.GetFileName((file.FileName ?? "").Replace('\\', '/'));
            if (name.Length == 0 || name.StartsWith('.') || name.Length > 200)
                throw new UploadException(StatusCodes.Status400BadRequest, $"part file name '{file.FileName}' is not a manuscript file name (e.g. chapter-01.md)");
            if (!taken.Add(name))
                throw new UploadException(StatusCodes.Status400BadRequest, $"'{name}' is sent twice: each manuscript of a batch needs its own file name");
            await using var source = file.OpenReadStream();
            await using var target = new FileStream(Path.Combine(folder, name), FileMode.CreateNew, FileAccess.Write);
            await source.CopyToAsync(target, ct);
        }
        return (form, "upload");
    }

    private static bool IsZip(IFormFile file) =>
        file.FileName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) || IsZipType(file.ContentType ?? "");

    private static bool IsZipType(string mediaType) =>
        mediaType.Equals(ZipContentType, StringComparison.OrdinalIgnoreCase) || mediaType.Equals("application/x-zip-compressed", StringComparison.OrdinalIgnoreCase);

    private static UploadException TooLarge(long maxBytes) =>
        new(StatusCodes.Status413PayloadTooLarge, $"the upload is larger than the limit of {maxBytes / (1024 * 1024.0):0.#} MB (--max-upload-mb)");

    private static async Task<MemoryStream> ReadBoundedAsync(Stream body, long maxBytes, CancellationToken ct)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes) throw TooLarge(maxBytes);
            buffer.Write(chunk, 0, read);
        }
        buffer.Position = 0;
        return buffer;
    }
}
