using System.ComponentModel.DataAnnotations;

namespace FashionListing.Web.Data;

/// <summary>Where the app keeps its database and photos (section <c>Storage</c>).</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The data folder; a relative path is resolved against the app's content root.</summary>
    [Required(AllowEmptyStrings = false)]
    public string DataFolder { get; set; } = "data";

    /// <summary>
    /// The SQLite connection string; a relative <c>Data Source</c> is resolved inside <see cref="DataFolder"/>.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string ConnectionString { get; set; } = "Data Source=listings.db";
}
