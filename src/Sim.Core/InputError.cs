namespace Sim.Core;

/// <summary>
/// Bad input from a user: an unknown name, a malformed number, a value out of range.
/// The message is one line that names the input and what is accepted; the program
/// prints it as <c>error: MESSAGE</c> and exits with code 2.
/// </summary>
public sealed class InputError(string message) : Exception(message);
