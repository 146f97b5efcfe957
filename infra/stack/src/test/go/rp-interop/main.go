// coreos/go-oidc v2 (with go-jose v2) and golang.org/x/oauth2, the Go relying-party libraries as Debian packages them,
// against a running Verifier stack: the flows a Go relying party uses, each answer checked by the libraries' own
// machinery (discovery with its exact issuer check, Exchange, the ID token verifier, UserInfo, TokenSource refresh,
// clientcredentials). Prints "ok   <step>" or "FAIL <step>: <why>" per step, then exits 1 if any step failed.
// Run by the stack's Java interop test as `go run main.go` in this folder, in GOPATH mode (GO111MODULE=off,
// GOPATH=/usr/share/gocode), which passes: ISSUER, REGISTRY (client-registry's URL), RESOURCE (resource-api's URL,
// also its API identifier), ADMIN_CLIENT_ID and ADMIN_CLIENT_SECRET (a verifier_admin client: registers the clients
// and the user, removes them at the end).
//
// x/oauth2 remembers, per token URL and for the whole process, the auth style it detected. A real relying party is one
// client in one process, so each relying party below runs in a fresh child process: this program, re-executed with the
// relying party's name as its argument.
package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io/ioutil"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"time"

	oidc "github.com/coreos/go-oidc"
	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
)

const (
	redirect = "http://127.0.0.1:8123/cb"
	scopes   = "openid profile email offline_access notes.read"
)

var (
	issuer, registry, resource = os.Getenv("ISSUER"), os.Getenv("REGISTRY"), os.Getenv("RESOURCE")
	// calls records "<auth scheme> <status>" for each token endpoint answer, to see which attempt of x/oauth2 succeeded.
	calls      = &tokenCalls{}
	httpClient = &http.Client{Transport: calls, Timeout: 30 * time.Second}
	ctx        = context.WithValue(context.Background(), oauth2.HTTPClient, httpClient) // for go-oidc and x/oauth2
	provider   *oidc.Provider
	meta       struct {
		Introspection string   `json:"introspection_endpoint"`
		Revocation    string   `json:"revocation_endpoint"`
		IDTokenAlgs   []string `json:"id_token_signing_alg_values_supported"`
	}
	st       setup
	failures int
)

// setup is what the parent process registered, handed to each child process as JSON in RP_INTEROP_SETUP.
type setup struct {
	User, Password string
	Clients        map[string]client
}

type client struct {
	ID     string `json:"client_id"`
	Secret string `json:"client_secret"`
}

type tokenCalls struct {
	tokenURL string
	log      []string
}

func (c *tokenCalls) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err == nil && req.URL.String() == c.tokenURL {
		scheme := "none"
		if a := req.Header.Get("Authorization"); a != "" {
			scheme = strings.Fields(a)[0]
		}
		c.log = append(c.log, fmt.Sprintf("%s %d", scheme, resp.StatusCode))
	}
	return resp, err
}

func step(name string, fn func() error) {
	err := func() (err error) {
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("panic: %v", r)
			}
		}()
		return fn()
	}()
	if err != nil {
		failures++
		fmt.Printf("FAIL %s: %s\n", name, strings.ReplaceAll(err.Error(), "\n", " "))
	} else {
		fmt.Printf("ok   %s\n", name)
	}
}

func main() {
	if len(os.Args) > 1 { // a child process: one relying party
		if err := json.Unmarshal([]byte(os.Getenv("RP_INTEROP_SETUP")), &st); err != nil {
			panic(err)
		}
		step("discovery in the "+os.Args[1]+" process", discover)
		if provider != nil {
			relyingParty(os.Args[1])
		}
		os.Exit(failures)
	}
	step("discovery: oidc.NewProvider with its exact issuer check", discover)
	if provider == nil {
		os.Exit(1)
	}

	cc := clientcredentials.Config{ClientID: os.Getenv("ADMIN_CLIENT_ID"), ClientSecret: os.Getenv("ADMIN_CLIENT_SECRET"),
		TokenURL: provider.Endpoint().TokenURL, Scopes: []string{"registry.admin", "users.admin"}, AuthStyle: oauth2.AuthStyleInHeader}
	admin, err := cc.Token(ctx)
	if err != nil {
		fmt.Println("FAIL admin token:", err)
		os.Exit(1)
	}
	st = setup{User: fmt.Sprintf("rp-interop-go-%d", time.Now().UnixNano()), Password: "pw-" + random(), Clients: map[string]client{}}
	step("registration of the clients and the user", func() error { return register(admin.AccessToken) })
	if failures == 0 {
		raw, _ := json.Marshal(st)
		for _, rp := range []string{"public", "public-header", "basic", "post", "es256"} {
			cmd := exec.Command(os.Args[0], rp)
			cmd.Env = append(os.Environ(), "RP_INTEROP_SETUP="+string(raw))
			cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
			var exit *exec.ExitError
			if err := cmd.Run(); errors.As(err, &exit) {
				failures += exit.ExitCode()
			} else if err != nil {
				step("relying party "+rp, func() error { return err })
			}
		}
	}
	step("removal of the clients and the user", func() error {
		codes := []int{adminCall(admin.AccessToken, "DELETE", issuer+"/admin/users/"+st.User, nil, nil)}
		for _, c := range st.Clients {
			codes = append(codes, adminCall(admin.AccessToken, "DELETE", registry+"/clients/"+c.ID, nil, nil))
		}
		for _, code := range codes {
			if code/100 != 2 {
				return fmt.Errorf("answers %v", codes)
			}
		}
		return nil
	})
	if failures > 0 {
		fmt.Printf("%d step(s) failed\n", failures)
		os.Exit(1)
	}
	fmt.Println("all steps passed")
}

func discover() (err error) {
	if provider, err = oidc.NewProvider(ctx, issuer); err != nil {
		return err
	}
	calls.tokenURL = provider.Endpoint().TokenURL
	return provider.Claims(&meta)
}

// adminCall sends JSON to an admin API and decodes its JSON answer into out; it returns the status, 0 on a network error.
func adminCall(token, method, target string, in, out interface{}) int {
	body, _ := json.Marshal(in)
	req, _ := http.NewRequest(method, target, bytes.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", "application/json")
	resp, err := httpClient.Do(req)
	if err != nil {
		return 0
	}
	defer resp.Body.Close()
	if out != nil {
		json.NewDecoder(resp.Body).Decode(out)
	}
	return resp.StatusCode
}

func register(admin string) error {
	user := map[string]interface{}{"username": st.User, "password": st.Password, "name": "R P",
		"email": st.User + "@example.com", "email_verified": true}
	if code := adminCall(admin, "POST", issuer+"/admin/users", user, nil); code != 201 {
		return fmt.Errorf("user creation answered %d", code)
	}
	code, all := []string{"authorization_code", "refresh_token"}, []string{"authorization_code", "refresh_token", "client_credentials"}
	for name, m := range map[string]map[string]interface{}{
		"public": {"application_type": "native", "grant_types": code, "token_endpoint_auth_method": "none", "scope": scopes},
		"basic": {"grant_types": all, "token_endpoint_auth_method": "client_secret_basic", "scope": scopes,
			"introspection_audiences": []string{resource}},
		"post": {"grant_types": all, "token_endpoint_auth_method": "client_secret_post", "scope": scopes,
			"introspection_audiences": []string{resource}},
		"es256": {"grant_types": code, "token_endpoint_auth_method": "client_secret_basic", "scope": "openid email",
			"id_token_signed_response_alg": "ES256"},
	} {
		m["client_name"], m["redirect_uris"], m["response_types"] = "rp-interop-go "+name, []string{redirect}, []string{"code"}
		var c client
		if status := adminCall(admin, "POST", registry+"/clients", m, &c); status != 201 {
			return fmt.Errorf("registration of %s answered %d", name, status)
		}
		st.Clients[name] = c
	}
	return nil
}

func random() string {
	b := make([]byte, 32)
	rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

func config(c client, style oauth2.AuthStyle, scope string) *oauth2.Config {
	endpoint := provider.Endpoint()
	endpoint.AuthStyle = style
	return &oauth2.Config{ClientID: c.ID, ClientSecret: c.Secret, Endpoint: endpoint, RedirectURL: redirect,
		Scopes: strings.Fields(scope)}
}

func relyingParty(name string) {
	switch name {
	case "public":
		publicClient()
	case "public-header":
		step("public client, AuthStyleInHeader: code flow, ID token verified", func() error {
			_, err := codeFlow(config(st.Clients["public"], oauth2.AuthStyleInHeader, "openid"), meta.IDTokenAlgs)
			return err
		})
	case "basic":
		confidentialClient("client_secret_basic", st.Clients["basic"], oauth2.AuthStyleInHeader)
		errorAnswers(st.Clients["basic"])
	case "post":
		confidentialClient("client_secret_post", st.Clients["post"], oauth2.AuthStyleInParams)
	case "es256":
		step("ES256 client: ID token verified with ES256 as the only accepted algorithm", func() error {
			_, err := codeFlow(config(st.Clients["es256"], oauth2.AuthStyleInHeader, "openid email"), []string{oidc.ES256})
			return err
		})
	}
}

// login is a completed authorization code flow.
type login struct {
	token                 *oauth2.Token
	idToken               *oidc.IDToken
	code, verifier, nonce string
}

// codeFlow runs the authorization code flow with PKCE S256, checks state and iss (RFC 9207) in the callback, and
// verifies the ID token (signature with one of algs, iss, aud, exp, nonce, at_hash).
func codeFlow(conf *oauth2.Config, algs []string) (*login, error) {
	l := &login{verifier: random(), nonce: random()}
	state, challenge := random(), sha256.Sum256([]byte(l.verifier))
	opts := []oauth2.AuthCodeOption{oidc.Nonce(l.nonce), oauth2.SetAuthURLParam("code_challenge_method", "S256"),
		oauth2.SetAuthURLParam("code_challenge", base64.RawURLEncoding.EncodeToString(challenge[:]))}
	if strings.Contains(strings.Join(conf.Scopes, " "), "offline_access") {
		opts = append(opts, oauth2.SetAuthURLParam("prompt", "consent"))
	}
	back, err := browse(conf.AuthCodeURL(state, opts...))
	if err != nil {
		return nil, err
	}
	if q := back.Query(); q.Get("state") != state || q.Get("iss") != issuer || q.Get("code") == "" {
		return nil, fmt.Errorf("callback %s", back)
	}
	l.code = back.Query().Get("code")
	if l.token, err = conf.Exchange(ctx, l.code, oauth2.SetAuthURLParam("code_verifier", l.verifier)); err != nil {
		return nil, err
	}
	raw, _ := l.token.Extra("id_token").(string)
	verifier := provider.Verifier(&oidc.Config{ClientID: conf.ClientID, SupportedSigningAlgs: algs})
	if l.idToken, err = verifier.Verify(ctx, raw); err != nil {
		return nil, err
	}
	if l.idToken.Nonce != l.nonce {
		return nil, fmt.Errorf("nonce %q, sent %q", l.idToken.Nonce, l.nonce)
	}
	return l, l.idToken.VerifyAccessToken(l.token.AccessToken)
}

var (
	formAction = regexp.MustCompile(`<form[^>]*action="([^"]+)"`)
	hidden     = regexp.MustCompile(`type="hidden" name="([^"]+)" value="([^"]*)"`)
)

// browse is a minimal browser: a cookie jar, the server's redirects followed, the login and consent forms posted; it
// returns the redirect to the client.
func browse(start string) (*url.URL, error) {
	jar, _ := cookiejar.New(nil)
	browser := &http.Client{Jar: jar, Timeout: 30 * time.Second, CheckRedirect: func(req *http.Request, _ []*http.Request) error {
		if strings.HasPrefix(req.URL.String(), redirect) {
			return http.ErrUseLastResponse
		}
		return nil
	}}
	resp, err := browser.Get(start)
	for i := 0; err == nil && i < 6; i++ {
		page, _ := ioutil.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode/100 == 3 {
			return resp.Request.URL.Parse(resp.Header.Get("Location"))
		}
		action := formAction.FindSubmatch(page)
		if resp.StatusCode != 200 || action == nil {
			return nil, fmt.Errorf("page %d at %s: %.300s", resp.StatusCode, resp.Request.URL, page)
		}
		form := url.Values{}
		for _, h := range hidden.FindAllSubmatch(page, -1) {
			form.Add(string(h[1]), html.UnescapeString(string(h[2])))
		}
		if bytes.Contains(page, []byte(`type="password"`)) {
			form.Set("username", st.User)
			form.Set("password", st.Password)
		} else if bytes.Contains(page, []byte(`action="/consent"`)) {
			form.Set("decision", "approve")
		}
		target, _ := resp.Request.URL.Parse(html.UnescapeString(string(action[1])))
		req, _ := http.NewRequest("POST", target.String(), strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Origin", issuer)
		resp, err = browser.Do(req)
	}
	if err != nil {
		return nil, err
	}
	return nil, errors.New("never redirected back to the client")
}

// refused expects err to be an *oauth2.RetrieveError whose JSON body carries the OAuth error code.
func refused(err error, code string) (*oauth2.RetrieveError, error) {
	var re *oauth2.RetrieveError
	if !errors.As(err, &re) {
		return nil, fmt.Errorf("expected a RetrieveError with %s, got %v", code, err)
	}
	var body struct{ Error string }
	if json.Unmarshal(re.Body, &body); body.Error != code {
		return nil, fmt.Errorf("expected %s, got %d %s", code, re.Response.StatusCode, re.Body)
	}
	return re, nil
}

func publicClient() {
	conf := config(st.Clients["public"], oauth2.AuthStyleAutoDetect, scopes)
	var l *login
	step("public client, AuthStyleAutoDetect: code flow with PKCE S256, state and iss checked, ID token verified", func() (err error) {
		l, err = codeFlow(conf, meta.IDTokenAlgs)
		return err
	})
	if l == nil {
		return
	}
	step("public client, AuthStyleAutoDetect: the first token request (Basic client_id, empty password) succeeds", func() error {
		if len(calls.log) != 1 || calls.log[0] != "Basic 200" {
			return fmt.Errorf("token endpoint answers: %v", calls.log)
		}
		return nil
	})
	step("public client: UserInfo", func() error {
		info, err := provider.UserInfo(ctx, oauth2.StaticTokenSource(l.token))
		if err != nil {
			return err
		}
		if info.Subject != l.idToken.Subject || info.Email != st.User+"@example.com" {
			return fmt.Errorf("sub %q email %q", info.Subject, info.Email)
		}
		return nil
	})
	expired := *l.token
	expired.Expiry = time.Now().Add(-time.Minute)
	step("public client: refresh through TokenSource rotates the refresh token", func() error {
		next, err := conf.TokenSource(ctx, &expired).Token()
		if err != nil {
			return err
		}
		if next.AccessToken == l.token.AccessToken || next.RefreshToken == "" || next.RefreshToken == l.token.RefreshToken {
			return errors.New("no new access and refresh token")
		}
		return nil
	})
	step("public client: the rotated-out refresh token refused (invalid_grant)", func() error {
		_, err := conf.TokenSource(ctx, &expired).Token()
		_, err = refused(err, "invalid_grant")
		return err
	})
	step("error: a code used twice refused (invalid_grant)", func() error {
		_, err := conf.Exchange(ctx, l.code, oauth2.SetAuthURLParam("code_verifier", l.verifier))
		_, err = refused(err, "invalid_grant")
		return err
	})
}

func confidentialClient(method string, c client, style oauth2.AuthStyle) {
	step(method+": code flow, ID token verified", func() error {
		_, err := codeFlow(config(c, style, scopes), meta.IDTokenAlgs)
		return err
	})
	cc := clientcredentials.Config{ClientID: c.ID, ClientSecret: c.Secret, TokenURL: provider.Endpoint().TokenURL,
		Scopes: []string{"notes.read"}, AuthStyle: style}
	var token *oauth2.Token
	step(method+": client_credentials", func() (err error) {
		token, err = cc.Token(ctx)
		return err
	})
	if token == nil {
		return
	}
	step(method+": access token verified as a resource server (aud RESOURCE), GET /api/me", func() error {
		verifier := provider.Verifier(&oidc.Config{SkipClientIDCheck: true, SupportedSigningAlgs: meta.IDTokenAlgs})
		at, err := verifier.Verify(ctx, token.AccessToken)
		if err != nil {
			return err
		}
		if !strings.Contains(" "+strings.Join(at.Audience, " ")+" ", " "+resource+" ") {
			return fmt.Errorf("aud %v", at.Audience)
		}
		resp, err := cc.Client(ctx).Get(resource + "/api/me")
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode != 200 {
			return fmt.Errorf("/api/me answered %d %s", resp.StatusCode, resp.Header.Get("WWW-Authenticate"))
		}
		return nil
	})
	step(method+": introspection says active", func() error { return introspect(c, style, token.AccessToken, true) })
	step(method+": revocation, then introspection says inactive", func() error {
		if code, body, err := post(meta.Revocation, c, style, token.AccessToken); err != nil || code != 200 {
			return fmt.Errorf("revocation answered %d %s %v", code, body, err)
		}
		return introspect(c, style, token.AccessToken, false)
	})
}

// post sends a form with the token, authenticated as the client does at the token endpoint (RFC 7662, RFC 7009).
func post(endpoint string, c client, style oauth2.AuthStyle, token string) (int, []byte, error) {
	form := url.Values{"token": {token}}
	if style == oauth2.AuthStyleInParams {
		form.Set("client_id", c.ID)
		form.Set("client_secret", c.Secret)
	}
	req, _ := http.NewRequest("POST", endpoint, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if style == oauth2.AuthStyleInHeader {
		req.SetBasicAuth(url.QueryEscape(c.ID), url.QueryEscape(c.Secret))
	}
	resp, err := httpClient.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	body, err := ioutil.ReadAll(resp.Body)
	return resp.StatusCode, body, err
}

func introspect(c client, style oauth2.AuthStyle, token string, active bool) error {
	code, body, err := post(meta.Introspection, c, style, token)
	var answer struct{ Active *bool }
	if err != nil || code != 200 || json.Unmarshal(body, &answer) != nil || answer.Active == nil || *answer.Active != active {
		return fmt.Errorf("introspection answered %d %s %v", code, body, err)
	}
	return nil
}

// errorAnswers checks refusals as x/oauth2 hands them over (*oauth2.RetrieveError). One wrong secret only: the server
// limits failed client authentications.
func errorAnswers(c client) {
	cc := clientcredentials.Config{ClientID: c.ID, ClientSecret: c.Secret, TokenURL: provider.Endpoint().TokenURL,
		Scopes: []string{"no.such.scope"}, AuthStyle: oauth2.AuthStyleInHeader}
	step("error: an unknown scope at client_credentials refused (invalid_scope)", func() error {
		_, err := cc.Token(ctx)
		_, err = refused(err, "invalid_scope")
		return err
	})
	cc.Scopes, cc.ClientSecret = []string{"notes.read"}, "wrong-"+c.Secret
	step("error: a wrong secret with Basic refused (401 invalid_client, WWW-Authenticate Basic realm)", func() error {
		_, err := cc.Token(ctx)
		re, err := refused(err, "invalid_client")
		if err != nil {
			return err
		}
		if challenge := re.Response.Header.Get("WWW-Authenticate"); re.Response.StatusCode != 401 ||
			!strings.HasPrefix(challenge, "Basic realm=") {
			return fmt.Errorf("%d WWW-Authenticate %q", re.Response.StatusCode, challenge)
		}
		return nil
	})
}
