# Installs what Sim needs from Debian/Ubuntu packages, only what is missing, with sudo where not root.
# Sourced by ./play and ./test.

SIM_PACKAGES=(libsdl2-2.0-0 libsdl2-ttf-2.0-0 libsdl2-image-2.0-0 fonts-dejavu-core libgl1 libegl1 libgl1-mesa-dri)

sim_as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

sim_install_packages() {
  local missing=()
  for p in "${SIM_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if ! command -v dotnet >/dev/null 2>&1 && [ ! -x "$HOME/.dotnet/dotnet" ]; then
    missing+=(dotnet-sdk-10.0)
  fi
  if [ ${#missing[@]} -gt 0 ]; then
    echo "installing: ${missing[*]}"
    sim_as_root apt-get update -q
    sim_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" || {
      echo "error: could not install ${missing[*]}; the .NET 10 SDK comes from your distribution (Ubuntu: dotnet-sdk-10.0) or https://dot.net" >&2
      exit 1
    }
  fi
  [ -x "$HOME/.dotnet/dotnet" ] && export PATH="$HOME/.dotnet:$PATH"
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
}
