package main

import (
	"fmt"
	"log"
	"net/http"
	"net/url"
	"os/exec"
	"regexp"
)

// ping runs the system ping command against the URL given in the GET parameter "url"
// and tells the user whether the host is reachable.
func ping(w http.ResponseWriter, r *http.Request) {
	// DNS names and IPv4 addresses only: letters, digits, dots and inner hyphens.
	hostPattern := regexp.MustCompile(`^[A-Za-z0-9]([A-Za-z0-9.-]{0,252}[A-Za-z0-9])?$`)
	u, err := url.Parse(r.URL.Query().Get("url"))
	if err != nil {
		http.Error(w, "invalid url", http.StatusBadRequest)
		return
	}
	host := u.Hostname()
	if host == "" {
		host = u.Path // a bare host name such as "example.com"
	}
	if !hostPattern.MatchString(host) {
		http.Error(w, "invalid host", http.StatusBadRequest)
		return
	}
	// No shell: the host is a single argument, after "--" so it cannot be read as an option.
	if err := exec.Command("ping", "-c", "1", "-W", "2", "--", host).Run(); err != nil {
		fmt.Fprintln(w, "host is unreachable")
		return
	}
	fmt.Fprintln(w, "host is reachable")
}

func main() {
	http.HandleFunc("/ping", ping)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
