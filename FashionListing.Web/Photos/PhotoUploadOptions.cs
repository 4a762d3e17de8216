using System.ComponentModel.DataAnnotations;

namespace FashionListing.Web.Photos;

/// <summary>The upload limit the pages enforce (section <c>Photos</c>, shared with the inference library).</summary>
public sealed class PhotoUploadOptions
{
    public const string Section = "Photos";

    /// <summary>The largest file a seller may upload, in bytes.</summary>
    [Range(1, int.MaxValue)]
    public long MaxUploadBytes { get; set; } = 25 * 1024 * 1024;
}
