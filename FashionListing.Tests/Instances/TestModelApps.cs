using System.Collections.Concurrent;
using FashionListing.Inference;
using FashionListing.Inference.Pipeline;
using FashionListing.Tests.Support.TestModels;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FashionListing.Tests.Instances;

/// <summary>
/// The app's inference services pointed at each test model's folder, built once per variant for all tests
/// of a class, exactly as the web app builds them.
/// </summary>
public sealed class TestModelApps : IDisposable
{
    private readonly ConcurrentDictionary<TestModelVariant, Lazy<App>> _apps = new();

    /// <summary>The app's services pointed at <paramref name="modelFolder"/>, on CPU.</summary>
    internal static ServiceProvider Services(string modelFolder)
    {
        IConfiguration configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Inference:ModelFolder"] = modelFolder,
                ["Inference:ExecutionProvider"] = "Cpu",
            })
            .Build();
        ServiceCollection services = new();
        services.AddLogging().AddInference(configuration);

        return services.BuildServiceProvider();
    }

    internal IListingSuggester Suggester(TestModelVariant variant) =>
        _apps.GetOrAdd(variant, v => new Lazy<App>(() => new App(v))).Value.Suggester;

    public void Dispose()
    {
        foreach (Lazy<App> app in _apps.Values)
        {
            if (app.IsValueCreated)
            {
                app.Value.Dispose();
            }
        }
    }

    private sealed class App : IDisposable
    {
        private readonly TestModelFolder _folder;
        private readonly ServiceProvider _services;

        public App(TestModelVariant variant)
        {
            _folder = variant.CreateFolder();
            _services = Services(_folder.Path);
            Suggester = _services.GetRequiredService<IListingSuggester>();
        }

        public IListingSuggester Suggester { get; }

        public void Dispose()
        {
            _services.Dispose();
            _folder.Dispose();
        }
    }
}
