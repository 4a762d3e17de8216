namespace FashionListing.Web.Data;

/// <summary>
/// Who stored a photo (see <c>PhotoStore</c>), recorded when the upload is stored, so that a photo not yet in
/// any draft still belongs to its uploader.
/// </summary>
public sealed class StoredPhoto
{
    public Guid Id { get; set; }

    /// <summary>The uploader's user id; null for photos stored before accounts existed.</summary>
    public string? OwnerId { get; set; }

    public DateTime StoredUtc { get; set; }
}
