using FashionListing.Web.Data;

namespace FashionListing.Web.Photos;

/// <summary>
/// Keeps the cleaned JPEGs under <c>&lt;DataFolder&gt;/photos/&lt;id&gt;.jpg</c>, outside wwwroot, so that
/// only the photo endpoint serves them and only by a well-formed id.
/// </summary>
public sealed partial class PhotoStore(StoragePaths paths, ILogger<PhotoStore> logger)
{
    /// <summary>Writes the JPEG under a new id.</summary>
    public async Task<Guid> SaveAsync(ReadOnlyMemory<byte> jpeg, CancellationToken cancellationToken)
    {
        Guid id = Guid.NewGuid();
        Directory.CreateDirectory(paths.PhotosFolder);
        await File.WriteAllBytesAsync(PathOf(id), jpeg, cancellationToken);
        Log.PhotoStored(logger, id, jpeg.Length);

        return id;
    }

    /// <summary>Opens the stored photo, or returns null when there is none with that id.</summary>
    public Stream? OpenRead(Guid id)
    {
        string path = PathOf(id);
        return File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true)
            : null;
    }

    /// <summary>
    /// Parses a photo id as the endpoint receives it: only the 36-character hyphenated GUID form, so no
    /// other string (a path, "..", a different GUID spelling) can name a file.
    /// </summary>
    public static bool TryParseId(string? text, out Guid id) => Guid.TryParseExact(text, "D", out id);

    // The id is a parsed Guid, whose "D" form has only hex digits and hyphens, so the path stays inside the folder.
    private string PathOf(Guid id) => Path.Combine(paths.PhotosFolder, id.ToString("D") + ".jpg");

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Photo {PhotoId} stored ({Bytes} bytes)")]
        public static partial void PhotoStored(ILogger logger, Guid photoId, int bytes);
    }
}
