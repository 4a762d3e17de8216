using FashionListing.Inference;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FashionListing.Tools;

/// <summary>The inference library's services, configured as the web app configures them, for the tools.</summary>
internal static class ToolServices
{
    /// <summary>Builds the services; the models load on first use. Warnings and errors go to the console.</summary>
    /// <param name="modelFolder">
    /// Overrides Inference:ModelFolder (a command's <c>--model-folder</c>); relative to the current directory.
    /// </param>
    public static ServiceProvider Build(string? modelFolder = null)
    {
        Dictionary<string, string?> overrides = new(StringComparer.Ordinal);
        if (modelFolder is not null)
        {
            overrides["Inference:ModelFolder"] = Path.GetFullPath(modelFolder);
        }

        // The command line comes last, so it wins over the environment.
        IConfiguration configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>())
            .AddEnvironmentVariables("FASHIONLISTING_")
            .AddInMemoryCollection(overrides)
            .Build();
        ServiceCollection services = new();
        services.AddLogging(logging => logging
            .AddSimpleConsole(o => o.SingleLine = true)
            .SetMinimumLevel(LogLevel.Warning));
        services.AddInference(configuration);

        return services.BuildServiceProvider();
    }
}
