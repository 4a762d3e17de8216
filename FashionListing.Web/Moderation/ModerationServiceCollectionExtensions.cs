using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FashionListing.Web.Moderation;

public static class ModerationServiceCollectionExtensions
{
    /// <summary>
    /// Registers the duplicate finder with its "Moderation" settings, validated at start-up. Needs the photo
    /// storage (<c>AddPhotoStorage</c>) and the listing data (<c>AddListingData</c>).
    /// </summary>
    public static IServiceCollection AddModeration(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<ModerationOptions>()
            .Bind(configuration.GetSection(ModerationOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<SimilarPhotoFinder>();

        return services;
    }
}
