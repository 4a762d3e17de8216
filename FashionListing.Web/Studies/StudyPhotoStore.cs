using FashionListing.Web.Data;

namespace FashionListing.Web.Studies;

/// <summary>
/// Keeps the study photos under <c>&lt;DataFolder&gt;/study-photos/&lt;id&gt;.jpg</c>, apart from the sellers'
/// photos, so that the marketplace's photo endpoint can never serve one; only the study endpoints do.
/// </summary>
public sealed class StudyPhotoStore(StoragePaths paths)
{
    public string Folder { get; } = Path.Combine(paths.DataFolder, "study-photos");

    public async Task WriteAsync(Guid id, ReadOnlyMemory<byte> jpeg, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        await File.WriteAllBytesAsync(PathOf(id), jpeg, cancellationToken);
    }

    /// <summary>Opens the photo, or returns null when its file is missing.</summary>
    public Stream? OpenRead(Guid id)
    {
        string path = PathOf(id);
        return File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true)
            : null;
    }

    public async Task<byte[]?> ReadAllAsync(Guid id, CancellationToken cancellationToken)
    {
        string path = PathOf(id);
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, cancellationToken) : null;
    }

    public void Delete(Guid id) => File.Delete(PathOf(id));

    // A Guid's "D" form has only hex digits and hyphens, so the path stays inside the folder.
    private string PathOf(Guid id) => Path.Combine(Folder, id.ToString("D") + ".jpg");
}
