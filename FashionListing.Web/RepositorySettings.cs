using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace FashionListing.Web;

public static class RepositorySettings
{
    /// <summary>
    /// Reads the repository's appsettings.json from beside the binaries. The build copies it there from the
    /// repository root; <c>dotnet run</c> uses the project folder as content root, where the file is not. It is
    /// inserted first so that environment variables, the command line and test hosts still override it.
    /// </summary>
    public static void AddRepositorySettingsFile(this IConfigurationManager configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        var source = new JsonConfigurationSource
        {
            FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
            Path = "appsettings.json",
            Optional = true,
            ReloadOnChange = false,
        };
        configuration.Sources.Insert(0, source);
    }
}
