using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.ML.OnnxRuntime;

namespace FashionListing.Inference.Runtime;

/// <summary>
/// Creates ONNX Runtime sessions on the configured execution provider: CUDA first where allowed,
/// CPU when CUDA cannot load, with one log line per model saying which provider runs and why.
/// </summary>
/// <remarks>
/// The caller owns each returned <see cref="InferenceSession"/> and disposes it. Sessions are
/// meant to be created once per model and shared: <see cref="InferenceSession.Run(IReadOnlyCollection{NamedOnnxValue})"/>
/// may be called from several threads at once.
/// </remarks>
public sealed partial class OnnxSessionFactory
{
    private readonly InferenceOptions _options;
    private readonly ILogger<OnnxSessionFactory> _logger;
    private readonly Action<SessionOptions> _appendCuda;
    private string? _cudaProblem;

    /// <summary>Creates the factory for the configured execution provider.</summary>
    public OnnxSessionFactory(IOptions<InferenceOptions> options, ILogger<OnnxSessionFactory> logger)
        : this(options, logger, AppendCuda)
    {
    }

    // The tests pass a provider step that fails the way a machine without CUDA fails, so the fallback is
    // proven on every machine, GPU or not.
    internal OnnxSessionFactory(
        IOptions<InferenceOptions> options,
        ILogger<OnnxSessionFactory> logger,
        Action<SessionOptions> appendCuda)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _logger = logger;
        _appendCuda = appendCuda;
    }

    /// <summary>Creates a session for a model held in memory.</summary>
    /// <param name="modelName">A short name for the log, e.g. "ResNet18 backbone".</param>
    /// <param name="model">The serialised ONNX model.</param>
    public InferenceSession Create(string modelName, byte[] model)
    {
        ArgumentNullException.ThrowIfNull(model);
        long started = Stopwatch.GetTimestamp();
        string? cudaProblem = null;

        if (_options.ExecutionProvider != ExecutionProviderChoice.Cpu)
        {
            cudaProblem = _cudaProblem;
            if (cudaProblem is null)
            {
                using SessionOptions cudaOptions = NewOptions();
                try
                {
                    _appendCuda(cudaOptions);
                    InferenceSession session = new(model, cudaOptions);
                    Log.SessionCreated(_logger, modelName, "CUDA", "the CUDA provider loaded",
                        Stopwatch.GetElapsedTime(started).TotalMilliseconds);

                    return session;
                }
                catch (Exception ex) when (IsProviderFailure(ex)
                    && _options.ExecutionProvider == ExecutionProviderChoice.Auto)
                {
                    // Expected on machines without an NVIDIA GPU or without the CUDA libraries. Later
                    // models go straight to CPU instead of failing the same way again.
                    cudaProblem = FirstLine(ex.Message);
                    _cudaProblem = cudaProblem;
                }
                catch (Exception ex) when (IsProviderFailure(ex))
                {
                    throw new InvalidOperationException(
                        $"Inference:ExecutionProvider is Cuda, but CUDA could not be loaded for model {modelName} "
                        + $"({FirstLine(ex.Message)}). Install the CUDA and cuDNN libraries ONNX Runtime needs, or "
                        + "set Inference:ExecutionProvider to Auto (CUDA when it loads, otherwise CPU) or Cpu.",
                        ex);
                }
            }
        }

        using SessionOptions cpuOptions = NewOptions();
        InferenceSession cpuSession = new(model, cpuOptions);
        double elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (cudaProblem is null)
        {
            Log.SessionCreated(_logger, modelName, "CPU", "the setting Inference:ExecutionProvider is Cpu", elapsed);
        }
        else
        {
            Log.CudaUnavailable(_logger, modelName, cudaProblem, elapsed);
        }

        return cpuSession;
    }

    // ONNX Runtime prints its own error line when the CUDA libraries are missing. On a CPU-only
    // machine that is the normal case and our warning says it in plain words, so its log level is
    // raised to Fatal while the provider is tried.
    private static void AppendCuda(SessionOptions sessionOptions)
    {
        OrtEnv environment = OrtEnv.Instance();
        OrtLoggingLevel previous = environment.EnvLogLevel;
        environment.EnvLogLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL;
        try
        {
            sessionOptions.AppendExecutionProvider_CUDA(0);
        }
        finally
        {
            environment.EnvLogLevel = previous;
        }
    }

    private SessionOptions NewOptions()
    {
        SessionOptions sessionOptions = new()
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        };
        if (_options.IntraOpThreads > 0)
        {
            sessionOptions.IntraOpNumThreads = _options.IntraOpThreads;
        }

        return sessionOptions;
    }

    // ONNX Runtime reports a missing provider library as its own exception; a missing native entry point or
    // library of the CUDA package itself surfaces as the runtime's interop exceptions.
    private static bool IsProviderFailure(Exception ex) =>
        ex is OnnxRuntimeException or DllNotFoundException or EntryPointNotFoundException;

    private static string FirstLine(string message)
    {
        int end = message.IndexOf('\n', StringComparison.Ordinal);

        return end < 0 ? message : message[..end].TrimEnd();
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information,
            "Model {ModelName} runs on {Provider} because {Reason}; loaded in {ElapsedMs:F0} ms")]
        public static partial void SessionCreated(
            ILogger logger, string modelName, string provider, string reason, double elapsedMs);

        [LoggerMessage(2, LogLevel.Warning,
            "Model {ModelName} runs on CPU because CUDA could not be loaded ({Problem}); loaded in {ElapsedMs:F0} ms")]
        public static partial void CudaUnavailable(ILogger logger, string modelName, string problem, double elapsedMs);
    }
}
