using System.ComponentModel.DataAnnotations;

namespace FashionListing.Web.Listings;

/// <summary>
/// How many photos a seller may upload, per minute and per listing (section <c>Uploads</c>). The reasons for
/// the defaults are in <c>docs/limits.md</c>.
/// </summary>
public sealed class UploadLimitOptions
{
    public const string Section = "Uploads";

    /// <summary>Uploads one seller may make in any 60 seconds, across all their pages.</summary>
    [Range(1, 1000, ErrorMessage = "Uploads:MaxPerSellerPerMinute must be between {1} and {2}.")]
    public int MaxPerSellerPerMinute { get; set; } = 10;

    /// <summary>Uploads one listing may receive before it is saved.</summary>
    [Range(1, 1000, ErrorMessage = "Uploads:MaxPerListing must be between {1} and {2}.")]
    public int MaxPerListing { get; set; } = 10;

    /// <summary>Bytes all uploads of one listing may add up to before it is saved.</summary>
    [Range(1_048_576d, 10_737_418_240d, ErrorMessage = "Uploads:MaxBytesPerListing must be between {1} and {2}.")]
    public long MaxBytesPerListing { get; set; } = 100 * 1024 * 1024;
}
