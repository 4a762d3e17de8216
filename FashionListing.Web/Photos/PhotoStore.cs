using FashionListing.Web.Accounts;
using FashionListing.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FashionListing.Web.Photos;

/// <summary>
/// Keeps the cleaned JPEGs under <c>&lt;DataFolder&gt;/photos/&lt;id&gt;.jpg</c>, outside wwwroot, so that
/// only the photo endpoint serves them and only by a well-formed id; the database records who stored each, and
/// each photo's embedding for the duplicate check.
/// </summary>
public sealed partial class PhotoStore(
    StoragePaths paths,
    IDbContextFactory<ListingDbContext> contextFactory,
    PhotoEmbeddingIndex embeddings,
    TimeProvider timeProvider,
    ILogger<PhotoStore> logger)
{
    /// <summary>
    /// Writes the JPEG under a new id, records <paramref name="ownerId"/> as its uploader and stores the photo's
    /// embedding (see <see cref="PhotoEmbeddingIndex"/>).
    /// </summary>
    public async Task<Guid> SaveAsync(ReadOnlyMemory<byte> jpeg, string ownerId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(ownerId);

        Guid id = Guid.NewGuid();
        Directory.CreateDirectory(paths.PhotosFolder);
        await File.WriteAllBytesAsync(PathOf(id), jpeg, cancellationToken);

        // Without its owner row nobody but a moderator could ever see the file, so a failed insert removes it.
        try
        {
            await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
            context.Photos.Add(new StoredPhoto
            {
                Id = id,
                OwnerId = ownerId,
                StoredUtc = timeProvider.GetUtcNow().UtcDateTime,
            });
            await context.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            File.Delete(PathOf(id));
            throw;
        }

        Log.PhotoStored(logger, id, jpeg.Length);

        // After the photo is safely stored, and never failing the save: a photo without an embedding is only
        // missing from the duplicate check until the backfill at the next start. Not cancelled with the upload,
        // so that a seller leaving the page does not leave the photo unembedded.
        await embeddings.TryIndexAsync(id, jpeg, CancellationToken.None);

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
    /// Whether the viewer may see the photo: its uploader, or a moderator (who also sees photos stored before
    /// accounts existed, which have no owner row). Says nothing about whether the file exists.
    /// </summary>
    public async Task<bool> MaySeeAsync(Guid id, ListingViewer viewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);

        if (viewer.IsModerator)
        {
            return true;
        }

        if (!viewer.IsSeller)
        {
            return false;
        }

        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        string? owner = await context.Photos.Where(p => p.Id == id)
            .Select(p => p.OwnerId)
            .SingleOrDefaultAsync(cancellationToken);

        return viewer.Owns(owner);
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
