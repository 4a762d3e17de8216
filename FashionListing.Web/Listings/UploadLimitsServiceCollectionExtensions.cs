using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FashionListing.Web.Listings;

public static class UploadLimitsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the suggestion queue and the per-seller upload limiter with their settings (sections
    /// <c>SuggestionQueue</c> and <c>Uploads</c>), validated at start-up.
    /// </summary>
    public static IServiceCollection AddUploadLimits(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<SuggestionQueueOptions>()
            .Bind(configuration.GetSection(SuggestionQueueOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<UploadLimitOptions>()
            .Bind(configuration.GetSection(UploadLimitOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SuggestionQueue>();
        services.TryAddSingleton<SellerUploadLimiter>();
        services.TryAddSingleton<BusyRetry>();

        return services;
    }
}
