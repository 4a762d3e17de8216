using System.Globalization;
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
    public Task<Guid> SaveAsync(ReadOnlyMemory<byte> jpeg, string ownerId, CancellationToken cancellationToken) =>
        SaveAsync(jpeg, [], ownerId, cancellationToken);

    /// <summary>
    /// Writes the JPEG under a new id with each garment's overlay PNG beside it
    /// (<c>&lt;id&gt;.overlay-&lt;index&gt;.png</c>, index as in the suggestion), records
    /// <paramref name="ownerId"/> as the uploader of all of them (the overlays are shown to whoever may see the
    /// photo, and to nobody else) and stores the photo's embedding (see <see cref="PhotoEmbeddingIndex"/>).
    /// </summary>
    public async Task<Guid> SaveAsync(
        ReadOnlyMemory<byte> jpeg,
        IReadOnlyList<byte[]> overlayPngs,
        string ownerId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(overlayPngs);
        ArgumentException.ThrowIfNullOrEmpty(ownerId);

        Guid id = Guid.NewGuid();
        Directory.CreateDirectory(paths.PhotosFolder);
        try
        {
            await File.WriteAllBytesAsync(PathOf(id), jpeg, cancellationToken);
            for (int i = 0; i < overlayPngs.Count; i++)
            {
                await File.WriteAllBytesAsync(OverlayPathOf(id, i), overlayPngs[i], cancellationToken);
            }
        }
        catch
        {
            DeleteFiles(id, overlayPngs.Count);
            throw;
        }

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
            DeleteFiles(id, overlayPngs.Count);
            throw;
        }

        Log.PhotoStored(logger, id, jpeg.Length, overlayPngs.Count);

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
    /// Opens the overlay of the photo's garment <paramref name="index"/> (from 0, as in the suggestion), or
    /// returns null when there is none: a manual listing's photo, a photo stored before overlays were kept, or
    /// an index past the last garment.
    /// </summary>
    public Stream? OpenOverlay(Guid id, int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);

        string path = OverlayPathOf(id, index);
        return File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true)
            : null;
    }

    /// <summary>Whether the overlay of the photo's garment <paramref name="index"/> is stored.</summary>
    public bool HasOverlay(Guid id, int index) => index >= 0 && File.Exists(OverlayPathOf(id, index));

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

    private string OverlayPathOf(Guid id, int index) =>
        Path.Combine(
            paths.PhotosFolder,
            id.ToString("D") + ".overlay-" + index.ToString(CultureInfo.InvariantCulture) + ".png");

    private void DeleteFiles(Guid id, int overlays)
    {
        File.Delete(PathOf(id));
        for (int i = 0; i < overlays; i++)
        {
            File.Delete(OverlayPathOf(id, i));
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Photo {PhotoId} stored ({Bytes} bytes, {Overlays} overlay(s))")]
        public static partial void PhotoStored(ILogger logger, Guid photoId, int bytes, int overlays);
    }
}
