# Puppet: put Companion's policy on Linux desks as a drop-in.
# Copy 50-site.toml into your module's files/ folder (modules/companion/files/50-site.toml).
# validate_cmd runs `companion policy` on the new file before it replaces the old one: a file
# with any problem is not installed, and the desk keeps its current policy. Running Companions
# pick the new file up moments later; nothing needs restarting.
class companion::policy {
  file { ['/etc/companion', '/etc/companion/policy.d']:
    ensure => directory,
    owner  => 'root',
    group  => 'root',
    mode   => '0755',
  }

  file { '/etc/companion/policy.d/50-site.toml':
    ensure       => file,
    source       => 'puppet:///modules/companion/50-site.toml',
    owner        => 'root',
    group        => 'root',
    mode         => '0644',
    validate_cmd => 'env COMPANION_POLICY_FILE=% companion policy',
    require      => File['/etc/companion/policy.d'],
  }
}
