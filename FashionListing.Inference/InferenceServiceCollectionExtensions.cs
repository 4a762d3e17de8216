using FashionListing.Inference.Classification;
using FashionListing.Inference.Colour;
using FashionListing.Inference.Imaging;
using FashionListing.Inference.Pipeline;
using FashionListing.Inference.Runtime;
using FashionListing.Inference.Segmentation;
using FashionListing.Inference.Taxonomy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FashionListing.Inference;

/// <summary>Registers the inference library's services.</summary>
public static class InferenceServiceCollectionExtensions
{
    /// <summary>
    /// Registers the starter model (backbone, mask head, category head, colours, overlay) behind
    /// <see cref="IListingSuggester"/>, with the "Photos" and "Inference" settings validated at start-up.
    /// </summary>
    /// <remarks>
    /// Every model is a singleton: its ONNX Runtime session is created once, on first use, and shared
    /// by all requests. Resolve <see cref="IListingSuggester"/> at start-up to load the models then.
    /// </remarks>
    public static IServiceCollection AddInference(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<PhotoLimits>()
            .Bind(configuration.GetSection(PhotoLimits.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<InferenceOptions>()
            .Bind(configuration.GetSection(InferenceOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddSingleton<PhotoDecoder>();
        services.AddSingleton<OnnxSessionFactory>();
        services.AddSingleton<ResNet18Backbone>();
        services.AddSingleton<IGarmentSegmenter, HeadGarmentSegmenter>();
        services.AddSingleton<CategoryClassifier>();
        services.AddSingleton(provider => FashionpediaTaxonomy.Load(Path.Combine(
            InferenceOptions.Resolve(provider.GetRequiredService<IOptions<InferenceOptions>>().Value.ModelFolder),
            FashionpediaTaxonomy.FileName)));
        services.AddSingleton(provider => StarterLabelMap.Load(
            Path.Combine(
                InferenceOptions.Resolve(provider.GetRequiredService<IOptions<InferenceOptions>>().Value.ModelFolder),
                StarterLabelMap.FileName),
            provider.GetRequiredService<FashionpediaTaxonomy>()));
        services.AddSingleton<DominantColourExtractor>();
        // A lighter fill than the renderer's default, so the seller still sees the garment's own colour
        // under the mask; the opaque outline shows where the mask ends.
        services.AddSingleton(new MaskOverlayRenderer(
            fillOpacity: 0.3,
            outlineWidth: MaskOverlayRenderer.DefaultOutlineWidth));
        services.AddSingleton<IListingSuggester, StarterListingSuggester>();

        return services;
    }

    /// <summary>
    /// Loads every model now and runs one analysis of a generated photo, so that a missing or broken
    /// model file stops the app at start-up with its message, and the first seller does not wait for
    /// the sessions to load.
    /// </summary>
    public static void WarmUpInference(this IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);

        IListingSuggester suggester = services.GetRequiredService<IListingSuggester>();
        if (suggester is StarterListingSuggester starter)
        {
            starter.WarmUp();
        }
    }
}
