using FashionListing.Inference.Classification;
using FashionListing.Inference.Colour;
using FashionListing.Inference.Imaging;
using FashionListing.Inference.Models;
using FashionListing.Inference.Pipeline;
using FashionListing.Inference.Runtime;
using FashionListing.Inference.Segmentation;
using FashionListing.Inference.Similarity;
using FashionListing.Inference.Taxonomy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FashionListing.Inference;

/// <summary>Registers the inference library's services.</summary>
public static class InferenceServiceCollectionExtensions
{
    /// <summary>
    /// Registers the model that the manifest (<c>model.json</c>) of <c>Inference:ModelFolder</c> describes
    /// behind <see cref="IListingSuggester"/>: the starter model (backbone, mask head, category head) or a
    /// Fashionpedia instance-segmentation model in the query or dense layout, with the "Photos" and
    /// "Inference" settings validated at start-up; and, whichever model that is, the whole-photo embedder
    /// behind <see cref="IPhotoEmbedder"/>.
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

        // The configured folder's manifest decides which model runs; it is read once, on first use, and a
        // problem with it surfaces at start-up as an exception that names the field (see WarmUpInference).
        // The web app catches it and runs without suggestions unless Inference:RequireModel is set.
        services.AddSingleton(provider => ModelManifestLoader.Load(
            InferenceOptions.Resolve(provider.GetRequiredService<IOptions<InferenceOptions>>().Value.ModelFolder)));
        services.AddSingleton(provider => provider.GetRequiredService<LoadedModelManifest>().Taxonomy);

        services.AddSingleton<PhotoDecoder>();
        services.AddSingleton<OnnxSessionFactory>();
        services.AddSingleton<DominantColourExtractor>();
        // A lighter fill than the renderer's default, so the seller still sees the garment's own colour
        // under the mask; the opaque outline shows where the mask ends.
        services.AddSingleton(new MaskOverlayRenderer(
            fillOpacity: 0.3,
            outlineWidth: MaskOverlayRenderer.DefaultOutlineWidth));

        // The backbone serves the starter model and, whatever model is configured, the tools that embed photos.
        services.AddSingleton<ResNet18Backbone>();

        // Whole-photo embeddings for finding reused photos; they need only the backbone, so they work with
        // every configured model.
        services.AddSingleton(provider => new PhotoEmbedder(provider.GetRequiredService<ResNet18Backbone>()));
        services.AddSingleton<IPhotoEmbedder>(provider => provider.GetRequiredService<PhotoEmbedder>());
        services.AddSingleton<IGarmentSegmenter>(provider => new HeadGarmentSegmenter(
            StarterFiles(provider).MaskHead,
            provider.GetRequiredService<ResNet18Backbone>(),
            provider.GetRequiredService<ILogger<HeadGarmentSegmenter>>(),
            MaskRefinement.Default));
        services.AddSingleton(provider => new CategoryClassifier(
            StarterFiles(provider).CategoryHead,
            StarterFiles(provider).CategoryLabels,
            provider.GetRequiredService<OnnxSessionFactory>(),
            provider.GetRequiredService<ResNet18Backbone>(),
            provider.GetRequiredService<ILogger<CategoryClassifier>>()));
        services.AddSingleton(provider => StarterLabelMap.Load(
            StarterFiles(provider).LabelMap,
            provider.GetRequiredService<FashionpediaTaxonomy>()));
        services.AddSingleton<StarterListingSuggester>();

        services.AddSingleton<PhotoOnlySuggester>();
        services.AddSingleton<InstanceModelSession>();
        services.AddSingleton<InstanceListingSuggester>();

        services.AddSingleton<IListingSuggester>(provider =>
        {
            LoadedModelManifest model = provider.GetRequiredService<LoadedModelManifest>();
            if (model.Layout != ModelLayout.Starter)
            {
                return provider.GetRequiredService<InstanceListingSuggester>();
            }

            StarterManifestCheck.Verify(model, provider.GetRequiredService<ResNet18Backbone>());

            return provider.GetRequiredService<StarterListingSuggester>();
        });

        return services;
    }

    /// <summary>
    /// Loads every model now and runs one analysis and one photo embedding of a generated photo, so that a
    /// missing or broken model file stops the app at start-up with its message, and the first seller does not
    /// wait for the sessions to load.
    /// </summary>
    public static void WarmUpInference(this IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.GetRequiredService<IListingSuggester>().WarmUp();
        services.WarmUpPhotoEmbedder();
    }

    /// <summary>
    /// Embeds one generated photo, loading the backbone, which the photo embedder needs whichever model is
    /// configured (a Fashionpedia model alone would leave it unloaded until the first upload).
    /// </summary>
    public static void WarmUpPhotoEmbedder(this IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.GetRequiredService<PhotoEmbedder>().Embed(PhotoCleaning.WarmUpPhoto());
    }

    /// <summary>
    /// Runs one analysis of a generated photo with a suggester of this library, loading its sessions; does
    /// nothing for other implementations.
    /// </summary>
    public static void WarmUp(this IListingSuggester suggester)
    {
        ArgumentNullException.ThrowIfNull(suggester);

        switch (suggester)
        {
            case StarterListingSuggester starter:
                starter.WarmUp();
                break;
            case InstanceListingSuggester instances:
                instances.WarmUp();
                break;
        }
    }

    private static StarterModelPaths StarterFiles(IServiceProvider provider)
    {
        LoadedModelManifest model = provider.GetRequiredService<LoadedModelManifest>();

        return model.Starter ?? throw new InvalidOperationException(
            $"The starter model's mask and category heads were asked for, but the configured model "
            + $"{model.ManifestPath} is a {model.Layout} model. Point Inference:ModelFolder at models/starter "
            + "for the commands that train or evaluate the starter model.");
    }
}
