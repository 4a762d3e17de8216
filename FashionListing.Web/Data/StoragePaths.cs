using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace FashionListing.Web.Data;

/// <summary>The absolute paths that <see cref="StorageOptions"/> resolve to on this machine.</summary>
public sealed class StoragePaths
{
    public StoragePaths(IOptions<StorageOptions> options, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);

        DataFolder = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.DataFolder));
        PhotosFolder = Path.Combine(DataFolder, "photos");

        var connection = new SqliteConnectionStringBuilder(options.Value.ConnectionString);
        if (!string.IsNullOrEmpty(connection.DataSource)
            && connection.DataSource != ":memory:"
            && connection.Mode != SqliteOpenMode.Memory
            && !Path.IsPathRooted(connection.DataSource))
        {
            connection.DataSource = Path.Combine(DataFolder, connection.DataSource);
        }

        ConnectionString = connection.ToString();
    }

    public string DataFolder { get; }

    public string PhotosFolder { get; }

    public string ConnectionString { get; }
}
