using FashionListing.Inference;
using FashionListing.Inference.Pipeline;
using FashionListing.Inference.Runtime;
using FashionListing.Inference.Taxonomy;
using Microsoft.Extensions.Options;

namespace FashionListing.Web.Listings;

/// <summary>
/// Whether the configured model could be loaded. When it could not, the app runs without suggestions: the sell
/// page says so, photos are still cleaned and stored, and listing by hand works as always.
/// </summary>
public sealed class SuggestionAvailability
{
    private volatile string? _problem;

    /// <summary>True until loading the model has failed.</summary>
    public bool IsAvailable => _problem is null;

    /// <summary>Why the model could not be loaded, for operators (the log has the whole exception).</summary>
    public string? Problem => _problem;

    internal void MarkUnavailable(string problem) => _problem = problem;
}

/// <summary>
/// The app's <see cref="IListingSuggester"/>: the configured model once it has loaded, or a suggester that only
/// cleans photos when the model's files are missing or broken, so that one bad file cannot take the whole
/// site down.
/// </summary>
public sealed partial class GuardedListingSuggester : IListingSuggester
{
    private readonly Lazy<IListingSuggester?> _model;
    private readonly PhotoOnlySuggester _photoOnly;

    public GuardedListingSuggester(
        Func<IListingSuggester> loadModel,
        PhotoOnlySuggester photoOnly,
        SuggestionAvailability availability,
        IOptions<InferenceOptions> options,
        ILogger<GuardedListingSuggester> logger)
    {
        ArgumentNullException.ThrowIfNull(loadModel);
        ArgumentNullException.ThrowIfNull(availability);
        ArgumentNullException.ThrowIfNull(options);

        _photoOnly = photoOnly;
        InferenceOptions settings = options.Value;
        _model = new Lazy<IListingSuggester?>(
            () =>
            {
                try
                {
                    IListingSuggester model = loadModel();
                    model.WarmUp();
                    return model;
                }
                catch (Exception ex) when (!settings.RequireModel)
                {
                    availability.MarkUnavailable(ex.Message);
                    Log.ModelUnavailable(logger, settings.ModelFolder, ex);
                    return null;
                }
            },
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The loaded model, or null when it could not be loaded; loads it on first use.</summary>
    public IListingSuggester? Model => _model.Value;

    /// <inheritdoc />
    public Task<SuggestionOutcome> SuggestAsync(ReadOnlyMemory<byte> photo, CancellationToken cancellationToken) =>
        (Model ?? _photoOnly).SuggestAsync(photo, cancellationToken);

    /// <inheritdoc />
    public Task<SuggestionOutcome> SuggestAsync(
        ReadOnlyMemory<byte> photo,
        ISuggestionStageObserver stages,
        CancellationToken cancellationToken) =>
        (Model ?? _photoOnly).SuggestAsync(photo, stages, cancellationToken);

    /// <inheritdoc />
    public Task<SuggestionOutcome> CleanAsync(ReadOnlyMemory<byte> photo, CancellationToken cancellationToken) =>
        (Model ?? _photoOnly).CleanAsync(photo, cancellationToken);

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error,
            "Suggestions are unavailable: the model in {ModelFolder} could not be loaded. The app runs without "
            + "them: photos are still accepted and sellers fill in their listings by hand. Fix the model files "
            + "and restart, or set Inference:RequireModel to true to refuse to start instead")]
        public static partial void ModelUnavailable(ILogger logger, string modelFolder, Exception exception);
    }
}

public static class ListingSuggestionsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the inference library (see <c>AddInference</c>) behind a <see cref="GuardedListingSuggester"/>,
    /// and a taxonomy for the pickers that falls back to the one shipped with the app when the configured
    /// model's cannot be read.
    /// </summary>
    public static IServiceCollection AddListingSuggestions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddInference(configuration);

        ServiceDescriptor model = services.Last(d => d.ServiceType == typeof(IListingSuggester));
        Func<IServiceProvider, object> createModel = model.ImplementationFactory
            ?? throw new InvalidOperationException("AddInference registers the suggester through a factory.");
        services.Remove(model);
        ServiceDescriptor taxonomy = services.Last(d => d.ServiceType == typeof(FashionpediaTaxonomy));
        Func<IServiceProvider, object> readTaxonomy = taxonomy.ImplementationFactory
            ?? throw new InvalidOperationException("AddInference registers the taxonomy through a factory.");
        services.Remove(taxonomy);

        services.AddSingleton<SuggestionAvailability>();
        services.AddSingleton(provider => new GuardedListingSuggester(
            () => (IListingSuggester)createModel(provider),
            provider.GetRequiredService<PhotoOnlySuggester>(),
            provider.GetRequiredService<SuggestionAvailability>(),
            provider.GetRequiredService<IOptions<InferenceOptions>>(),
            provider.GetRequiredService<ILogger<GuardedListingSuggester>>()));
        services.AddSingleton<IListingSuggester>(provider => provider.GetRequiredService<GuardedListingSuggester>());
        services.AddSingleton(provider =>
        {
            try
            {
                return (FashionpediaTaxonomy)readTaxonomy(provider);
            }
            catch (Exception) when (!provider.GetRequiredService<IOptions<InferenceOptions>>().Value.RequireModel)
            {
                // The model's problem is logged once, by the suggester; the pickers only need a taxonomy.
                return FashionpediaTaxonomy.LoadDefault();
            }
        });

        return services;
    }

    /// <summary>
    /// Loads the model now and runs one analysis, so that the first seller does not wait and a broken model is
    /// reported at start-up (and stops it when <c>Inference:RequireModel</c> is set).
    /// </summary>
    public static void WarmUpSuggestions(this IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);

        // Tests replace the suggester with their own, which needs no warming up.
        if (services.GetRequiredService<IListingSuggester>() is GuardedListingSuggester guarded
            && guarded.Model is not null)
        {
            // Without a model the backbone may be missing too; photos are then stored without their embedding
            // (see PhotoEmbeddingIndex), so only a loaded model warms the embedder.
            services.WarmUpPhotoEmbedder();
        }
    }
}
