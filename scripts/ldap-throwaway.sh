# Sourced by test.sh after the other throwaway servers: starts Debian's slapd (OpenLDAP) as the
# current user on a free 127.0.0.1 port, with a configuration folder of its own (slapd.conf, an mdb
# database, the memberOf overlay as AD has it), loads a small bureau tree (sections as ou, people as
# inetOrgPerson with uid, cn, mail, title, groups as groupOfNames), exports LUOSHI_TEST_LDAP (its URL)
# with the reader's and the administrator's bind DN and password, and stops it when the calling script
# exits, before whatever cleanup the EXIT trap already held.
ldap_dir=$(mktemp -d /tmp/luoshi-ldap.XXXXXX)
ldap_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
ldap_base="dc=luoshi,dc=test"
ldap_admin_password=$(python3 -c 'import secrets; print(secrets.token_hex(12))')
ldap_reader_password=$(python3 -c 'import secrets; print(secrets.token_hex(12))')
mkdir -p "$ldap_dir/data"
cat >"$ldap_dir/slapd.conf" <<CONF
include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/inetorgperson.schema
include /etc/ldap/schema/nis.schema
modulepath /usr/lib/ldap
moduleload back_mdb
moduleload memberof
pidfile $ldap_dir/slapd.pid
database mdb
maxsize 104857600
suffix "$ldap_base"
rootdn "cn=admin,$ldap_base"
rootpw $ldap_admin_password
directory $ldap_dir/data
overlay memberof
# A person's password is only for binding as that person; the reader sees the rest, nobody else anything.
access to attrs=userPassword by self write by anonymous auth by * none
access to * by dn.exact="cn=reader,ou=services,$ldap_base" read by self read by * none
CONF
ldap_reader_hash=$(/usr/sbin/slappasswd -s "$ldap_reader_password")
ldap_person_hash=$(/usr/sbin/slappasswd -s "Directory-Pass-1")
cat >"$ldap_dir/tree.ldif" <<LDIF
dn: $ldap_base
objectClass: dcObject
objectClass: organization
o: 落实测试局
dc: luoshi

dn: ou=services,$ldap_base
objectClass: organizationalUnit
ou: services

dn: cn=reader,ou=services,$ldap_base
objectClass: organizationalRole
objectClass: simpleSecurityObject
cn: reader
userPassword: $ldap_reader_hash

dn: ou=people,$ldap_base
objectClass: organizationalUnit
ou: people

dn: ou=office,ou=people,$ldap_base
objectClass: organizationalUnit
ou: office
description: 办公室

dn: ou=planning,ou=people,$ldap_base
objectClass: organizationalUnit
ou: planning
description: 规划科

dn: uid=zhangsan,ou=office,ou=people,$ldap_base
objectClass: inetOrgPerson
uid: zhangsan
cn: 张三
sn: 张
mail: zhangsan@luoshi.test
title: 科员
telephoneNumber: 13800000001
userPassword: $ldap_person_hash

dn: uid=lisi,ou=planning,ou=people,$ldap_base
objectClass: inetOrgPerson
uid: lisi
cn: 李四
sn: 李
mail: lisi@luoshi.test
title: 副科长
userPassword: $ldap_person_hash

dn: ou=groups,$ldap_base
objectClass: organizationalUnit
ou: groups

dn: cn=supervision,ou=groups,$ldap_base
objectClass: groupOfNames
cn: supervision
description: 督查科
member: uid=lisi,ou=planning,ou=people,$ldap_base
LDIF
ldap_cleanup() {
  [ -f "$ldap_dir/slapd.pid" ] && kill "$(cat "$ldap_dir/slapd.pid")" 2>/dev/null || true
  for _ in $(seq 50); do [ -f "$ldap_dir/slapd.pid" ] || break; sleep 0.1; done
  rm -rf "$ldap_dir"
}
ldap_previous_trap=$(trap -p EXIT | sed -E "s/^trap -- '(.*)' EXIT$/\1/")
trap "ldap_cleanup; ${ldap_previous_trap:-}" EXIT
/usr/sbin/slapd -f "$ldap_dir/slapd.conf" -h "ldap://127.0.0.1:$ldap_port/" >"$ldap_dir/log" 2>&1 \
  || { cat "$ldap_dir/log" >&2; echo "slapd did not start" >&2; exit 1; }
for _ in $(seq 100); do
  /usr/bin/ldapwhoami -x -H "ldap://127.0.0.1:$ldap_port" -D "cn=admin,$ldap_base" -w "$ldap_admin_password" >/dev/null 2>&1 && break
  sleep 0.1
done
# Through the running server (not slapadd), so the memberOf overlay fills in the groups.
/usr/bin/ldapadd -x -H "ldap://127.0.0.1:$ldap_port" -D "cn=admin,$ldap_base" -w "$ldap_admin_password" -f "$ldap_dir/tree.ldif" >/dev/null \
  || { cat "$ldap_dir/log" >&2; echo "the test tree did not load into slapd" >&2; exit 1; }
export LUOSHI_TEST_LDAP="ldap://127.0.0.1:$ldap_port" LUOSHI_TEST_LDAP_BASE="$ldap_base" \
  LUOSHI_TEST_LDAP_BIND_DN="cn=reader,ou=services,$ldap_base" LUOSHI_TEST_LDAP_BIND_PASSWORD="$ldap_reader_password" \
  LUOSHI_TEST_LDAP_ADMIN_DN="cn=admin,$ldap_base" LUOSHI_TEST_LDAP_ADMIN_PASSWORD="$ldap_admin_password"
echo "== OpenLDAP $(/usr/sbin/slapd -VV 2>&1 | grep -o 'slapd [0-9.]*' | head -n 1 | cut -d' ' -f2) on $LUOSHI_TEST_LDAP"
