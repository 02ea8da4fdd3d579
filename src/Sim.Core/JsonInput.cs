using System.Text.Json;

namespace Sim.Core;

/// <summary>The one way the program reads a JSON file's text: comments and trailing commas allowed, a syntax error one <see cref="InputError"/> line.</summary>
public static class JsonInput
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static JsonDocument Parse(string json)
    {
        try
        {
            return JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            throw new InputError($"not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {FirstSentence(e.Message)}");
        }
    }

    private static string FirstSentence(string message)
    {
        int end = message.IndexOf(". ", StringComparison.Ordinal);
        return InputError.Escape((end > 0 ? message[..end] : message).TrimEnd('.'), 200);
    }
}
